// Shared by bench/sync-catchup.ts and bench/sync-latency.ts: two nodes on 127.0.0.1 (a sender,
// CERT-In's, pushing one collection to a receiver, JPCERT/CC's, over signed TAXII 2.1), run as
// child processes whose 'added' events stream back, and a deterministic object generator.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createCollection, createOrganisation, DEFAULT_NODE_CONFIG, initialiseNode, issueToken, loadNodeKey, openNode, writeNodeConfig } from '../src/node/index.js';
import { addPeer, openNodeSync } from '../src/sync/index.js';
import type { NewObjectVersion, Store } from '../src/store/index.js';
import { createRng } from './lib/rng.js';

const CHILD = fileURLToPath(new URL('./sync-node-child.ts', import.meta.url));
const TLP_GREEN = 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb';

export interface Pair {
  readonly sender: { dir: string; collection: string; writer: string };
  readonly receiver: { dir: string; collection: string; admin: string };
}

/** Two data directories: the sender's collection is shared with the receiver's organisation (TLP:GREEN community). */
export async function createPair(root: string): Promise<Pair> {
  const clock = Date.now;
  const s = await initialiseNode({ dir: join(root, 'sender'), nodeName: 'cert-in', country: 'IN' }, clock, randomUUID);
  await writeNodeConfig(s.paths.config, { ...DEFAULT_NODE_CONFIG, rateLimitPerMinute: 1_000_000_000 });
  await createOrganisation(s.store, { id: 'jpcert', name: 'JPCERT/CC', country: 'JP' }, clock);
  const sc = await createCollection(s.store, { title: 'IN-JP', readOrgs: ['cert-in', 'jpcert'], writeOrgs: ['cert-in'] }, clock, randomUUID);
  const writer = (await issueToken(s.store, { orgId: 'cert-in', role: 'analyst' }, clock, randomUUID)).secret;
  await s.store.close();
  const r = await initialiseNode({ dir: join(root, 'receiver'), nodeName: 'jpcert', country: 'JP' }, clock, randomUUID);
  await writeNodeConfig(r.paths.config, { ...DEFAULT_NODE_CONFIG, rateLimitPerMinute: 1_000_000_000 });
  await createOrganisation(r.store, { id: 'cert-in', name: 'CERT-In', country: 'IN' }, clock);
  const rc = await createCollection(r.store, { title: 'from IN', readOrgs: ['jpcert', 'cert-in'], writeOrgs: ['cert-in'] }, clock, randomUUID);
  await r.store.close();
  return { sender: { dir: s.paths.dir, collection: sc.id, writer }, receiver: { dir: r.paths.dir, collection: rc.id, admin: r.adminToken } };
}

/** Registers the push sender -> receiver (and the sender's key on the receiver), once the receiver listens. */
export async function federate(pair: Pair, receiverUrl: string): Promise<void> {
  const clock = Date.now;
  const receiver = await openNode(pair.receiver.dir, clock, { databaseUrl: undefined });
  const rsync = await openNodeSync(receiver, clock);
  const peerToken = (await issueToken(receiver.store, { orgId: 'cert-in', role: 'peer' }, clock, randomUUID)).secret;
  await addPeer(receiver.store, rsync, { name: 'cert-in', url: 'http://127.0.0.1:9/taxii2/', orgId: 'cert-in', auth: { kind: 'none' }, publicKey: (await loadNodeKey(pair.sender.dir)).publicKeyText }, clock, randomUUID);
  await rsync.close();
  await receiver.store.close();
  const sender = await openNode(pair.sender.dir, clock, { databaseUrl: undefined });
  const ssync = await openNodeSync(sender, clock);
  await addPeer(
    sender.store,
    ssync,
    {
      name: 'jpcert',
      url: `${receiverUrl}/taxii2/`,
      orgId: 'jpcert',
      auth: { kind: 'token', token: peerToken },
      publicKey: (await loadNodeKey(pair.receiver.dir)).publicKeyText,
      push: [{ local: pair.sender.collection, remote: pair.receiver.collection }],
    },
    clock,
    randomUUID,
  );
  await ssync.close();
  await sender.store.close();
}

export interface Child {
  readonly baseUrl: string;
  readonly process: ChildProcess;
  /** Called for every "added" line: count and ids (ids only for small batches). */
  onAdded: (count: number, ids: readonly string[], at: number) => void;
  stop(): Promise<void>;
}

export async function startChild(dir: string, tuning: object = {}): Promise<Child> {
  const profile = process.env['SETU_BENCH_PROFILE_DIR'];
  const flags = profile === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', profile];
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', CHILD, dir, JSON.stringify(tuning)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const handle: { onAdded: Child['onAdded'] } = { onAdded: () => {} };
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('node did not start within 60 s')), 60_000);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const at = performance.now();
      if (line.startsWith('ready ')) {
        clearTimeout(timer);
        resolve(line.slice(6));
      } else if (line.startsWith('added ')) {
        const [, count, ...ids] = line.split(' ');
        handle.onAdded(Number(count), ids, at);
      }
    });
    child.once('exit', (code) => reject(new Error(`node exited with ${code}`)));
  });
  return {
    baseUrl,
    process: child,
    set onAdded(fn: Child['onAdded']) {
      handle.onAdded = fn;
    },
    get onAdded() {
      return handle.onAdded;
    },
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A deterministic object: indicators, malware, attack patterns and IPv4 SCOs, TLP:GREEN, 300-700 bytes. */
export function objectGenerator(seed: number): (n: number) => Record<string, unknown> {
  const rng = createRng(seed);
  const hex = (len: number) => Array.from({ length: len }, () => Math.floor(rng.next() * 16).toString(16)).join('');
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
  const words = ['beacon', 'loader', 'telecom', 'operator', 'campaign', 'phishing', 'infrastructure', 'exfiltration', 'gateway', 'firmware', 'implant', 'scanning'];
  const text = (k: number) => Array.from({ length: k }, () => words[Math.floor(rng.next() * words.length)]).join(' ');
  return (n: number) => {
    const when = new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString();
    switch (n % 4) {
      case 0:
      case 1:
        return {
          type: 'indicator', spec_version: '2.1', id: `indicator--${uuid()}`, created: when, modified: when, name: `C2 ${n}`,
          description: text(20), indicator_types: ['malicious-activity'], pattern: `[ipv4-addr:value = '198.51.${(n >> 8) % 256}.${n % 256}']`,
          pattern_type: 'stix', valid_from: when, object_marking_refs: [TLP_GREEN], labels: ['bench'],
        };
      case 2:
        return { type: 'malware', spec_version: '2.1', id: `malware--${uuid()}`, created: when, modified: when, name: `loader ${n}`, description: text(30), malware_types: ['downloader'], is_family: false, object_marking_refs: [TLP_GREEN] };
      default:
        return { type: 'ipv4-addr', spec_version: '2.1', id: `ipv4-addr--${uuid()}`, value: `203.${(n >> 16) % 256}.${(n >> 8) % 256}.${n % 256}`, object_marking_refs: [TLP_GREEN] };
    }
  };
}

/** Loads `count` objects into a collection through addObjects (the node's own data, batches of 5,000). */
export async function preload(store: Store, collectionId: string, count: number, make: (n: number) => Record<string, unknown>): Promise<void> {
  for (let start = 0; start < count; start += 5000) {
    const accepted: NewObjectVersion[] = [];
    for (let n = start; n < Math.min(count, start + 5000); n++) {
      const o = make(n);
      accepted.push({ id: String(o['id']), type: String(o['type']), specVersion: '2.1', version: (o['modified'] as string | undefined) ?? null, json: JSON.stringify(o) });
    }
    await store.addObjects({ collectionId, statusId: randomUUID(), requestTimestamp: new Date().toISOString(), accepted, rejected: [] });
  }
}
