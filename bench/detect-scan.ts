// `setu scan` end to end: 100,000 active indicators (60 % single-property equality on IPs,
// domains, URLs and hashes; 20 % CIDR; 20 % multi-observation or qualified patterns) against
// 1,000,000 synthetic events per input format, through the real command (`run()` of
// src/cli/commands/scan.ts: file reading, line splitting, parsing, mapping to SCOs, index,
// sliding windows). Fixed seed. Prints the indicator compile time and heap, events/s per format
// with the ratio to the 300,000 events/s target, CPU time (wall time suffers when other work shares
// the machine), and peak RSS against the 1 GB budget.
// Each scan runs in a child process (the generator's memory is not counted against the scan).
// Run: node --import tsx bench/detect-scan.ts [--quick] [--events N] [--indicators N] [--formats zeek,suricata,ecs] [--keep DIR]
//      (--keep DIR writes the generated files there and leaves them, for profiling)
//      (add --expose-gc to node for exact heap figures)
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { once } from 'node:events';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { run as scan } from '../src/cli/commands/scan.js';
import type { CliIo } from '../src/cli/io.js';
import { IndicatorSet, loadFromDocument } from '../src/detect/index.js';
import { parseArgs } from './lib/args.js';
import { atLeast, atMost, fmt, line } from './lib/report.js';
import { createRng } from './lib/rng.js';

const args = parseArgs();

// Child mode: one scan in a fresh process, so its time and peak RSS are the command's own.
const childIndex = process.argv.indexOf('--child');
if (childIndex >= 0) {
  const [eventsFile, bundleFile] = process.argv.slice(childIndex + 1);
  const sink: CliIo = { out: () => {}, err: () => {}, interactive: false, clock: Date.now };
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const result = await scan(
    { files: [eventsFile as string], data: '.', collections: [], indicators: bundleFile, windowSeconds: 3600, aggregateSeconds: 3600, hitsLimit: 0, json: false, report: false },
    sink,
    { stdin: Readable.from([]), newId: randomUUID },
  );
  const cpu = process.cpuUsage(cpuStart);
  console.log(JSON.stringify({
    events: result.events, hits: result.hits, badLines: result.badLines, evaluations: result.evaluations, scanMs: result.elapsedMs, loadMs: result.indicators.loadMs,
    totalMs: performance.now() - start, cpuMs: (cpu.user + cpu.system) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024,
  }));
  process.exit(0);
}
const INDICATORS = args.size('indicators', 100_000);
const EVENTS = args.size('events', 1_000_000);
const FORMATS = args.text('formats', 'zeek,suricata,ecs').split(',');
const TARGET_EPS = 300_000;
const RSS_BUDGET_MB = 1024;
const HIT_RATE = 0.01;
const rng = createRng(0x5e7a5ca7);
const T0 = Date.parse('2026-11-27T00:00:00Z');

// ---- indicators -------------------------------------------------------------------------------
const octet = () => rng.int(256);
const ip4 = () => `${1 + rng.int(223)}.${octet()}.${octet()}.${octet()}`;
const domain = () => `${rng.hex(10)}.${rng.pick(['example', 'example.com', 'example.net'])}`;
const url = () => `http://${domain()}/${rng.hex(8)}/${rng.pick(['payload.bin', 'index.php', 'gate.php'])}`;

/** Values planted in indicators, some of which events will carry (the hits). */
const planted = { ip: [] as string[], domain: [] as string[], url: [] as string[], md5: [] as string[], sha256: [] as string[], cidr: [] as string[] };

function indicatorPattern(i: number): string {
  const r = i % 100;
  if (r < 60) {
    switch (r % 5) {
      case 0: return `[ipv4-addr:value = '${take(planted.ip, ip4())}']`;
      case 1: return `[domain-name:value = '${take(planted.domain, domain())}']`;
      case 2: return `[url:value = '${take(planted.url, url())}']`;
      case 3: return `[file:hashes.MD5 = '${take(planted.md5, rng.hex(32))}']`;
      default: return `[file:hashes.'SHA-256' = '${take(planted.sha256, rng.hex(64))}']`;
    }
  }
  if (r < 80) {
    if (r % 10 === 0) return `[ipv6-addr:value ISSUBSET '2001:db8:${rng.hex(4)}::/48']`;
    const prefix = rng.pick([16, 20, 24, 24, 24, 28]);
    const block = `${1 + rng.int(223)}.${octet()}.${octet()}.0/${prefix}`;
    planted.cidr.push(block.replace(/\.0\/\d+$/, `.${1 + rng.int(15)}`));
    return `[ipv4-addr:value ISSUBSET '${block}']`;
  }
  switch (r % 4) {
    case 0: return `([domain-name:value = '${take(planted.domain, domain())}'] FOLLOWEDBY [network-traffic:dst_ref.value = '${take(planted.ip, ip4())}']) WITHIN 300 SECONDS`;
    case 1: return `[domain-name:value = '${take(planted.domain, domain())}'] REPEATS 3 TIMES WITHIN 600 SECONDS`;
    case 2: return `[network-traffic:dst_ref.value = '${take(planted.ip, ip4())}' AND network-traffic:dst_port = 443]`;
    default: return `[ipv4-addr:value = '${take(planted.ip, ip4())}'] AND [url:value = '${take(planted.url, url())}']`;
  }
}

function take(list: string[], value: string): string {
  list.push(value);
  return value;
}

const indicators = Array.from({ length: INDICATORS }, (_, i) => ({
  type: 'indicator',
  spec_version: '2.1',
  id: `indicator--${rng.uuid4()}`,
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  name: `bench indicator ${i}`,
  indicator_types: ['malicious-activity'],
  pattern: indicatorPattern(i),
  pattern_type: 'stix',
  valid_from: '2026-01-01T00:00:00Z',
}));

// ---- events -----------------------------------------------------------------------------------
const hit = (list: string[], fresh: () => string): string => (rng.next() < HIT_RATE && list.length > 0 ? rng.pick(list) : fresh());
const eventIp = () => (rng.next() < HIT_RATE / 2 && planted.cidr.length > 0 ? rng.pick(planted.cidr) : hit(planted.ip, ip4));
const client = () => `192.0.2.${1 + rng.int(250)}`;

interface Synthetic {
  kind: 'conn' | 'dns' | 'http' | 'file';
  seconds: number;
  src: string;
  dst: string;
  sport: number;
  dport: number;
  name?: string;
  url?: { host: string; path: string };
  md5?: string;
  sha256?: string;
}

function synthetic(i: number): Synthetic {
  const seconds = i * 0.001;
  const base = { seconds, src: client(), sport: 1024 + rng.int(60000) };
  const r = rng.int(100);
  if (r < 55) return { kind: 'conn', ...base, dst: eventIp(), dport: rng.pick([80, 443, 443, 8080, 22]) };
  if (r < 80) return { kind: 'dns', ...base, dst: '192.0.2.53', dport: 53, name: hit(planted.domain, domain) };
  if (r < 95) {
    const full = new URL(hit(planted.url, url));
    return { kind: 'http', ...base, dst: eventIp(), dport: 80, url: { host: full.host, path: full.pathname } };
  }
  return { kind: 'file', ...base, dst: eventIp(), dport: 80, md5: hit(planted.md5, () => rng.hex(32)), sha256: hit(planted.sha256, () => rng.hex(64)) };
}

const iso = (seconds: number): string => new Date(T0 + seconds * 1000).toISOString();

const WRITERS: Record<string, { file: string; header?: string; line: (e: Synthetic) => string }> = {
  zeek: {
    file: 'events.zeek.log',
    // One Zeek log with the union of conn/dns/http/files columns keeps the generator simple; the
    // reader resolves columns from #fields exactly as for a single-path log.
    header: [
      '#separator \\x09', '#set_separator\t,', '#empty_field\t(empty)', '#unset_field\t-', '#path\tmixed',
      '#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tquery\tanswers\thost\turi\tmd5\tsha256\tduration\torig_bytes\tresp_bytes\tconn_state',
      '#types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring\tvector[string]\tstring\tstring\tstring\tstring\tinterval\tcount\tcount\tstring',
    ].join('\n') + '\n',
    line: (e) =>
      [
        ((T0 / 1000) + e.seconds).toFixed(6), `C${rng.hex(17)}`, e.src, e.sport, e.dst, e.dport, e.kind === 'dns' ? 'udp' : 'tcp',
        e.name ?? '-', e.kind === 'dns' ? '192.0.2.80' : '-', e.url?.host ?? '-', e.url?.path ?? '-', e.md5 ?? '-', e.sha256 ?? '-', '0.013000', '120', '480', 'SF',
      ].join('\t'),
  },
  suricata: {
    file: 'eve.json',
    line: (e) => {
      const common = { timestamp: iso(e.seconds).replace('Z', '+0000'), flow_id: 1e15 + Math.floor(e.seconds * 1000), in_iface: 'eth0', src_ip: e.src, src_port: e.sport, dest_ip: e.dst, dest_port: e.dport, proto: e.kind === 'dns' ? 'UDP' : 'TCP' };
      if (e.kind === 'dns') return JSON.stringify({ ...common, event_type: 'dns', dns: { type: 'query', id: 4242, rrname: e.name, rrtype: 'A', tx_id: 0 } });
      if (e.kind === 'http') return JSON.stringify({ ...common, event_type: 'http', tx_id: 0, http: { hostname: e.url?.host, url: e.url?.path, http_user_agent: 'curl/8.5.0', http_method: 'GET', protocol: 'HTTP/1.1', status: 200, length: 512 } });
      if (e.kind === 'file') return JSON.stringify({ ...common, event_type: 'fileinfo', fileinfo: { filename: '/x.bin', state: 'CLOSED', md5: e.md5, sha256: e.sha256, size: 512, tx_id: 0 } });
      return JSON.stringify({ ...common, event_type: 'flow', flow: { pkts_toserver: 4, pkts_toclient: 3, bytes_toserver: 320, bytes_toclient: 1840, age: 1, state: 'closed', reason: 'timeout', alerted: false } });
    },
  },
  ecs: {
    file: 'events.ecs.ndjson',
    line: (e) =>
      JSON.stringify({
        '@timestamp': iso(e.seconds),
        event: { kind: 'event', category: ['network'] },
        source: { ip: e.src, port: e.sport },
        destination: { ip: e.dst, port: e.dport },
        network: { transport: e.kind === 'dns' ? 'udp' : 'tcp' },
        ...(e.name === undefined ? {} : { dns: { question: { name: e.name, type: 'A' } } }),
        ...(e.url === undefined ? {} : { url: { full: `http://${e.url.host}${e.url.path}` } }),
        ...(e.md5 === undefined ? {} : { file: { hash: { md5: e.md5, sha256: e.sha256 } } }),
      }),
  },
};

async function writeEvents(path: string, format: string): Promise<number> {
  const writer = WRITERS[format];
  if (writer === undefined) throw new Error(`unknown format ${format} (zeek, suricata, ecs)`);
  const out = createWriteStream(path);
  let bytes = 0;
  const put = async (text: string) => {
    bytes += text.length;
    if (!out.write(text)) await once(out, 'drain');
  };
  if (writer.header !== undefined) await put(writer.header);
  let batch = '';
  for (let i = 0; i < EVENTS; i++) {
    batch += writer.line(synthetic(i)) + '\n';
    if (batch.length > 1 << 20) {
      await put(batch);
      batch = '';
    }
  }
  await put(batch);
  out.end();
  await once(out, 'finish');
  return bytes;
}

// ---- run --------------------------------------------------------------------------------------
const gc = (globalThis as { gc?: () => void }).gc;
const keep = args.text('keep', '');
const dir = keep === '' ? await mkdtemp(join(tmpdir(), 'setu-bench-detect-')) : keep;
try {
  const bundleFile = join(dir, 'indicators.json');
  let bundleText = JSON.stringify({ type: 'bundle', id: `bundle--${randomUUID()}`, objects: indicators });
  await writeFile(bundleFile, bundleText);

  console.log(`detect-scan: ${fmt(INDICATORS)} indicators x ${fmt(EVENTS)} events per format${args.quick ? ' (--quick)' : ''}, hit rate about ${HIT_RATE * 100} % per planted value`);
  // Compile figures on a set that is dropped before the scans (scan() builds its own).
  {
    gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const compileStart = performance.now();
    const set = new IndicatorSet(() => T0);
    const load = loadFromDocument(bundleText, set);
    const compileMs = performance.now() - compileStart;
    gc?.();
    const heapAfter = process.memoryUsage().heapUsed;
    const stats = set.stats();
    line('compile indicators', `${fmt(compileMs)} ms for ${fmt(load.seen)} (${fmt((compileMs * 1000) / load.seen, 1)} µs each: JSON, parse, normalise, plan, index; compile where needed)`);
    line('  index', `${fmt(stats.exact)} decided by the index, ${fmt(stats.anchored)} index-selected then evaluated, ${fmt(stats.unanchored)} unanchored; ${fmt(stats.equalityKeys)} hash keys, ${fmt(stats.cidrBlocks)} CIDR blocks`);
    line('  retained heap', `${fmt((heapAfter - heapBefore) / 1048576, 1)} MiB (${fmt((heapAfter - heapBefore) / load.seen / 1024, 2)} KiB per indicator)${gc ? '' : ' (run node with --expose-gc for exact figures)'}`);
  }
  bundleText = '';
  indicators.length = 0;
  gc?.();

  for (const format of FORMATS) {
    const eventsFile = join(dir, WRITERS[format]?.file ?? format);
    const bytes = await writeEvents(eventsFile, format);
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', eventsFile, bundleFile], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (child.status !== 0) throw new Error(`scan child failed: ${child.stderr}`);
    const r = JSON.parse(child.stdout.trim().split('\n').pop() as string) as { events: number; hits: number; badLines: number; evaluations: number; scanMs: number; loadMs: number; totalMs: number; cpuMs: number; peakRssMb: number };
    const scanRate = (r.events / r.scanMs) * 1000;
    line(`${format}`, `${fmt(r.events)} events (${fmt(bytes / 1048576, 0)} MiB), ${fmt(r.hits)} hits, ${fmt(r.badLines)} bad lines, ${fmt(r.evaluations)} matcher evaluations`);
    line('  scan', `${fmt(r.scanMs)} ms, ${fmt(scanRate)} events/s ${atLeast(scanRate, TARGET_EPS)}`);
    line('  end to end', `${fmt(r.totalMs)} ms with indicator loading (${fmt(r.loadMs)} ms), ${fmt((r.events / r.totalMs) * 1000)} events/s ${atLeast((r.events / r.totalMs) * 1000, TARGET_EPS)}`);
    line('  CPU time', `${fmt(r.cpuMs)} ms for load + scan (GC threads included), ${fmt((r.events / r.cpuMs) * 1000)} events per CPU-second`);
    line('  peak RSS', `${fmt(r.peakRssMb)} MiB ${atMost(r.peakRssMb, RSS_BUDGET_MB, 'MiB')} (the scan process alone)`);
    if (keep === '') await rm(eventsFile);
  }
  line('load average', `${loadavg().map((l) => fmt(l, 2)).join(' ')} on ${cpus().length} CPUs (other work on the machine inflates wall time)`);
} finally {
  if (keep === '') await rm(dir, { recursive: true, force: true });
}
