// Shared by the federation tests: building node data directories, running nodes as child
// processes on 127.0.0.1 (port 0, or a fixed port to restart on), registering peers in a node's
// database, reading collections over TAXII, and bounded waiting.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { createCollection, createOrganisation, initialiseNode, issueToken, loadNodeKey, openNode, type NewCollection, type NewOrganisation } from '../../src/node/index.js';
import { addPeer, openNodeSync, type NewPeer } from '../../src/sync/index.js';
import type { Store, SyncStore } from '../../src/store/index.js';

export const TAXII = 'application/taxii+json;version=2.1';
const CHILD = fileURLToPath(new URL('./node-child.ts', import.meta.url));

/** A fast schedule so that tests converge in seconds (every wait below is bounded anyway). */
export const FAST_TUNING = { pollIntervalMs: 150, pushDelayMs: 10, timeoutMs: 2000, backoff: { baseMs: 50, maxMs: 400 }, statusPolls: 5 };

export async function tempRoot(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'setu-sync-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export interface NodeSpec {
  readonly name: string;
  readonly country: string;
  readonly orgs?: readonly NewOrganisation[];
  readonly collections?: Readonly<Record<string, NewCollection>>;
  /** Tokens to issue: key -> {orgId, role}. */
  readonly tokens?: Readonly<Record<string, { orgId: string; role: string }>>;
}

export interface NodeDir {
  readonly name: string;
  readonly dir: string;
  readonly orgId: string;
  readonly adminToken: string;
  readonly publicKey: string;
  readonly nodeId: string;
  readonly collections: Readonly<Record<string, string>>;
  readonly tokens: Readonly<Record<string, string>>;
}

export async function setupNode(root: string, spec: NodeSpec): Promise<NodeDir> {
  const dir = join(root, spec.name);
  const init = await initialiseNode({ dir, nodeName: spec.name, country: spec.country }, Date.now, randomUUID);
  try {
    for (const org of spec.orgs ?? []) await createOrganisation(init.store, org, Date.now);
    const collections: Record<string, string> = {};
    for (const [key, input] of Object.entries(spec.collections ?? {})) collections[key] = (await createCollection(init.store, input, Date.now, randomUUID)).id;
    const tokens: Record<string, string> = {};
    for (const [key, t] of Object.entries(spec.tokens ?? {})) tokens[key] = (await issueToken(init.store, { ...t, label: key }, Date.now, randomUUID)).secret;
    const key = await loadNodeKey(dir);
    return { name: spec.name, dir, orgId: init.organisation.id, adminToken: init.adminToken, publicKey: key.publicKeyText, nodeId: key.fingerprint, collections, tokens };
  } finally {
    await init.store.close();
  }
}

/** Opens a node's store and sync tables in this process (beside a running server: SQLite WAL). */
export async function withNodeStores<T>(dir: string, work: (store: Store, sync: SyncStore) => Promise<T>): Promise<T> {
  const node = await openNode(dir, Date.now, { databaseUrl: undefined });
  const sync = await openNodeSync(node, Date.now);
  try {
    return await work(node.store, sync);
  } finally {
    await sync.close();
    await node.store.close();
  }
}

export async function registerPeer(dir: string, peer: NewPeer): Promise<void> {
  await withNodeStores(dir, (store, sync) => addPeer(store, sync, peer, Date.now, randomUUID));
}

export interface RunningNode {
  readonly baseUrl: string;
  readonly discoveryUrl: string;
  readonly apiRoot: string;
  readonly port: number;
  readonly child: ChildProcess;
  /** SIGTERM and wait (bounded). */
  stop(): Promise<void>;
  /** kill -9 and wait for the exit. */
  crash(): Promise<void>;
}

export async function startNode(dir: string, tuning: object = FAST_TUNING, port = 0): Promise<RunningNode> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, JSON.stringify(tuning), String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error(`node ${dir} did not start within 30 s`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const match = /ready (\S+)\n/.exec(buffered);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`node ${dir} exited with ${code} before listening`));
    });
  });
  const bounded = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return {
    baseUrl,
    discoveryUrl: `${baseUrl}/taxii2/`,
    apiRoot: `${baseUrl}/taxii2/setu/`,
    port: Number(new URL(baseUrl).port),
    child,
    stop: () => bounded('SIGTERM'),
    crash: () => bounded('SIGKILL'),
  };
}

/** Polls `probe` every 100 ms until it returns a value other than undefined, or fails after `ms`. */
export async function waitFor<T>(what: string, ms: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}${last === undefined ? '' : ` (last error: ${String(last)})`}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function postObjects(apiRoot: string, collectionId: string, token: string, objects: readonly object[], headers: Record<string, string> = {}): Promise<{ statusCode: number; body: Record<string, unknown> }> {
  const response = await request(`${apiRoot}collections/${collectionId}/objects/`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, accept: TAXII, 'content-type': TAXII, ...headers },
    body: JSON.stringify({ objects }),
  });
  return { statusCode: response.statusCode, body: (await response.body.json()) as Record<string, unknown> };
}

/** Every object version in a collection (all versions), walking `next`. */
export async function listAll(apiRoot: string, collectionId: string, token: string): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  let next: string | undefined;
  for (;;) {
    const query = new URLSearchParams({ limit: '1000', 'match[version]': 'all' });
    if (next !== undefined) query.set('next', next);
    const response = await request(`${apiRoot}collections/${collectionId}/objects/?${query.toString()}`, { headers: { authorization: `Bearer ${token}`, accept: TAXII } });
    const text = await response.body.text();
    if (response.statusCode !== 200) throw new Error(`GET objects: ${response.statusCode} ${text}`);
    const envelope = JSON.parse(text) as { objects?: Record<string, unknown>[]; more?: boolean; next?: string };
    found.push(...(envelope.objects ?? []));
    if (envelope.more !== true || envelope.next === undefined) return found;
    next = envelope.next;
  }
}

let counter = 0;
/** A valid indicator with a unique id; `extra` overrides fields (markings, description...). */
export function indicator(extra: Record<string, unknown> = {}): Record<string, unknown> {
  counter++;
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${randomUUID()}`,
    created: '2026-11-01T00:00:00.000Z',
    modified: '2026-11-01T00:00:00.000Z',
    name: `test indicator ${counter}`,
    pattern: `[ipv4-addr:value = '198.51.100.${counter % 250}']`,
    pattern_type: 'stix',
    valid_from: '2026-11-01T00:00:00Z',
    ...extra,
  };
}

export const TLP = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
} as const;
