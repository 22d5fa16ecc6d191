// `setu scan` called as a function over the real-format samples in test/fixtures/scan (Zeek TSV
// and JSON, Suricata eve.json, ECS, a mapped firewall log): which indicators hit where, bad lines
// counted and never fatal, formats recognised, indicators from a node's store, usage errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { run as scan, type ScanOptions } from '../../src/cli/commands/scan.js';
import { run as init } from '../../src/cli/commands/init.js';
import * as collection from '../../src/cli/commands/collection.js';
import { run as importFiles } from '../../src/cli/commands/import.js';
import { ExitError, UsageError } from '../../src/cli/errors.js';
import { isSetuError } from '../../src/errors/index.js';
import { captureIo } from './capture.js';

const FIXTURES = 'test/fixtures/scan';
const at = (name: string): string => join(FIXTURES, name);
const ALL = ['conn.log', 'dns.log', 'http.log', 'dns.json.log', 'eve.json', 'ecs.ndjson'].map(at);
const id = (n: number): string => `indicator--${n.toString(16).padStart(8, '0')}-5e70-4d1a-8c2b-00000000000${n % 10}`;

function options(extra: Partial<ScanOptions>): ScanOptions {
  return {
    files: [],
    data: './no-such-node',
    collections: [],
    indicators: at('indicators.json'),
    windowSeconds: 3600,
    aggregateSeconds: 3600,
    hitsLimit: 1000,
    json: true,
    report: false,
    ...extra,
  };
}

const noStdin = { stdin: Readable.from([]), newId: randomUUID };

function hitsByIndicator(result: Awaited<ReturnType<typeof scan>>): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const hit of result.hitsShown) map.set(hit.indicator, [...(map.get(hit.indicator) ?? []), hit.events.join('+')]);
  return map;
}

test('scans Zeek, Suricata and ECS samples: every planted indicator hits where expected, nothing else', async () => {
  const io = captureIo();
  const result = await scan(options({ files: ALL }), io, noStdin);
  assert.deepEqual(
    result.files.map((f) => ('format' in f ? f.format : f.error)),
    ['zeek', 'zeek', 'zeek', 'zeek-json', 'suricata', 'ecs'],
  );
  const hits = hitsByIndicator(result);
  assert.deepEqual(hits.get(id(1)), [at('conn.log:9'), at('eve.json:1')], 'C2 IP: Zeek conn and the Suricata alert');
  assert.deepEqual(hits.get(id(2))?.sort(), [at('conn.log:11'), at('dns.log:9'), at('ecs.ndjson:4'), at('eve.json:3'), at('eve.json:6')].sort(), 'CIDR: connection, DNS answers, flow');
  assert.deepEqual(hits.get(id(3))?.sort(), [at('dns.log:9'), at('ecs.ndjson:4'), at('eve.json:2'), at('eve.json:3')].sort(), 'domain written C2.Bad.Example. in the indicator');
  assert.deepEqual(hits.get(id(4))?.sort(), [at('ecs.ndjson:5'), at('eve.json:4'), at('http.log:9')].sort(), 'URL from host+uri and from a non-normalised url.full');
  assert.deepEqual(hits.get(id(5))?.sort(), [at('ecs.ndjson:2'), at('eve.json:7')].sort(), 'SHA-256 (upper case in eve.json)');
  assert.deepEqual(hits.get(id(6)), [`${at('dns.log:10')}+${at('conn.log:12')}`], 'FOLLOWEDBY across two logs');
  assert.deepEqual(hits.get(id(7)), [at('eve.json:5')], 'TLS SNI');
  assert.deepEqual(hits.get(id(8))?.sort(), [at('conn.log:13'), at('ecs.ndjson:1')].sort(), 'IPv6 CIDR');
  assert.deepEqual(hits.get(id(9)), [[1, 3, 4].map((l) => at(`dns.json.log:${l}`)).join('+')], 'REPEATS 3 TIMES WITHIN 600 SECONDS');
  for (const n of [10, 11, 12, 13]) assert.equal(hits.has(id(n)), false, `indicator ${n} is revoked, expired, not STIX or invalid`);
  assert.equal(result.hits, 21);
  assert.equal(result.events, 24);
  assert.equal(result.badLines, 7);
  assert.equal(result.indicators.stats.active, 9);
  assert.equal(result.indicators.load.outcomes.invalid, 1);
  assert.equal(JSON.parse(io.stdout()).hits, 21, '--json prints one document');
});

test('readable output: one line per hit, then the summary with bad lines and rate', async () => {
  const io = captureIo();
  await scan(options({ files: [at('conn.log')], json: false }), io, noStdin);
  const out = io.stdout();
  assert.match(out, /^HIT 2026-11-27T00:00:10\.000000Z indicator--00000001-\S+ "C2 server" at test\/fixtures\/scan\/conn\.log:9$/m);
  assert.match(out, /conn\.log: zeek, 15 lines, 5 events, 1 bad lines/);
  assert.match(out, /bad line 14: 3 columns where #fields declares 21/);
  assert.match(out, /scanned 5 events in [\d,]+ ms \([\d,]+ events\/s\): 3 hits on 3 indicators, 1 bad lines/);
});

test('--hits-limit bounds what is printed, not what is counted', async () => {
  const result = await scan(options({ files: ALL, hitsLimit: 2 }), captureIo(), noStdin);
  assert.equal(result.hitsShown.length, 2);
  assert.equal(result.hits, 21);
});

test('a mapping file reads any JSON lines; the ECS preset is the default for @timestamp lines on stdin', async () => {
  const mapped = await scan(options({ files: [at('firewall.jsonl')], mapping: at('firewall.mapping.json') }), captureIo(), noStdin);
  assert.equal(mapped.files[0] && 'format' in mapped.files[0] ? mapped.files[0].format : undefined, 'mapping');
  assert.deepEqual(mapped.hitsShown.map((h) => h.indicator), [id(1)]);
  const ecsLine = '{"@timestamp":"2026-11-27T00:00:01Z","destination":{"ip":"198.51.100.23"}}\n';
  const stdin = await scan(options({ files: ['-'] }), captureIo(), { stdin: Readable.from([ecsLine.slice(0, 20), ecsLine.slice(20)]), newId: randomUUID });
  assert.equal(stdin.hits, 1);
  assert.equal(stdin.files[0]?.source, '<stdin>');
});

test('an unrecognisable file is reported and exits 1; the other files are still scanned', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'setu-scan-'));
  const odd = join(dir, 'odd.txt');
  await writeFile(odd, 'hello world\n');
  const io = captureIo();
  await assert.rejects(scan(options({ files: [odd, at('conn.log')] }), io, noStdin), (e) => e instanceof ExitError && e.exitCode === 1);
  const printed = JSON.parse(io.stdout());
  assert.match(printed.files[0].error, /cannot tell the event format/);
  assert.equal(printed.files[1].events, 5);
});

test('usage errors exit 2: missing file, bad format, incomplete --report, bad identity, bad mapping', async () => {
  const usage = (e: unknown) => e instanceof UsageError;
  await assert.rejects(scan(options({ files: ['no/such/file.log'] }), captureIo(), noStdin), usage);
  await assert.rejects(scan(options({ files: ALL, format: 'syslog' }), captureIo(), noStdin), usage);
  await assert.rejects(scan(options({ files: ALL, format: 'mapping' }), captureIo(), noStdin), usage);
  await assert.rejects(scan(options({ files: ALL, report: true, server: 'http://127.0.0.1:1' }), captureIo(), noStdin), /--report needs --token, --collection, --sighted-by/);
  await assert.rejects(
    scan(options({ files: ALL, report: true, server: 'http://127.0.0.1:1', token: 't', collection: 'c', sightedBy: 'organisation--x' }), captureIo(), noStdin),
    /--sighted-by must be an identity id/,
  );
  await assert.rejects(scan(options({ files: ALL, windowSeconds: 0 }), captureIo(), noStdin), usage);
  await assert.rejects(scan(options({ files: ALL, mapping: at('indicators.json') }), captureIo(), noStdin), (e) => isSetuError(e) && e.code === 'SETU_ERR_DETECT_BAD_MAPPING');
});

test('indicators come from the node: every collection by default, or the ones named', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'setu-scan-node-'));
  await init({ data: dir, nodeName: 'Sensor Node', country: 'IN', json: true }, captureIo());
  const feed = await collection.create({ data: dir, title: 'Feed', read: [], write: [], json: true }, captureIo());
  const other = await collection.create({ data: dir, title: 'Other', read: [], write: [], json: true }, captureIo());
  // The broken-pattern indicator is refused by validation on import; the others are stored.
  await assert.rejects(importFiles({ data: dir, collection: feed.id, files: [at('indicators.json')], json: true }, captureIo()), ExitError);
  const fromNode = await scan(options({ indicators: undefined, data: dir, files: ALL }), captureIo(), noStdin);
  assert.equal(fromNode.indicators.stats.active, 9);
  assert.equal(fromNode.hits, 21);
  const onlyOther = await scan(options({ indicators: undefined, data: dir, collections: [other.id], files: ALL }), captureIo(), noStdin);
  assert.equal(onlyOther.indicators.stats.active, 0);
  assert.equal(onlyOther.hits, 0);
});
