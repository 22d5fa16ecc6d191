// `setu demo federation [--base-port 7000] [--once]`: three nodes on 127.0.0.1 — CERT-In's (India),
// JPCERT/CC's (Japan) and a company's (Acme, a registered client of CERT-In) — each a real
// `setu serve` child process with its own data directory, organisations, collections, tokens and
// peers. A member of the India node shares one object per TLP case; the demo shows which reach
// Japan and the company (and the redaction applied on the way out), then keeps running until
// Ctrl+C, or exits with --once.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { orgIdentityId, SETU_RECIPIENTS_EXTENSION_ID } from '../../access/index.js';
import { createCollection, createOrganisation, initialiseNode, issueToken, loadNodeKey, openNode } from '../../node/index.js';
import { addPeer, openNodeSync, type NewPeer } from '../../sync/index.js';
import { ExitError, EXIT } from '../errors.js';
import { emit, type CliIo } from '../io.js';
import { untilShutdown } from './serve.js';

export interface DemoFederationOptions {
  readonly basePort: number;
  readonly dir?: string | undefined;
  readonly once: boolean;
  readonly json: boolean;
}

const MEDIA = 'application/taxii+json;version=2.1';
// The children run this same CLI (source through tsx, or the compiled build), whichever this is.
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const MAIN = new URL(FROM_SOURCE ? '../main.ts' : '../main.js', import.meta.url).href;
const CHILD_ARGS = [...(FROM_SOURCE ? ['--import', import.meta.resolve('tsx')] : []), '--input-type=module', '-e', `const { main } = await import(${JSON.stringify(MAIN)}); process.exitCode = await main(process.argv);`, 'setu'];
const TLP = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
} as const;

interface DemoNode {
  readonly key: 'india' | 'japan' | 'company';
  readonly name: string;
  readonly country: string;
  readonly port: number;
  readonly dir: string;
  adminToken: string;
  publicKey: string;
  collection: string;
  peerToken: string;
  writerToken: string;
}

export interface DemoCase {
  readonly label: string;
  readonly tlp: string;
  readonly id: string;
  readonly japan: boolean;
  readonly company: boolean;
  readonly expectedJapan: boolean;
  readonly expectedCompany: boolean;
  /** The description as it arrived in Japan, when it was rewritten on the way out. */
  readonly japanDescription?: string;
}

export interface DemoResult {
  readonly nodes: readonly { readonly name: string; readonly url: string; readonly adminToken: string; readonly dataDir: string }[];
  readonly cases: readonly DemoCase[];
  readonly ok: boolean;
}

const url = (n: DemoNode) => `http://127.0.0.1:${n.port}`;
const apiRoot = (n: DemoNode) => `${url(n)}/taxii2/setu/`;

async function setUp(root: string, basePort: number, clock: () => number): Promise<DemoNode[]> {
  const nodes: DemoNode[] = [
    { key: 'india', name: 'cert-in', country: 'IN', port: basePort, dir: join(root, 'india'), adminToken: '', publicKey: '', collection: '', peerToken: '', writerToken: '' },
    { key: 'japan', name: 'jpcert', country: 'JP', port: basePort + 1, dir: join(root, 'japan'), adminToken: '', publicKey: '', collection: '', peerToken: '', writerToken: '' },
    { key: 'company', name: 'acme-in', country: 'IN', port: basePort + 2, dir: join(root, 'company'), adminToken: '', publicKey: '', collection: '', peerToken: '', writerToken: '' },
  ];
  const [india, japan, company] = nodes as [DemoNode, DemoNode, DemoNode];
  for (const node of nodes) {
    const init = await initialiseNode({ dir: node.dir, nodeName: node.name, country: node.country }, clock, randomUUID);
    const { store } = init;
    try {
      node.adminToken = init.adminToken;
      node.publicKey = (await loadNodeKey(node.dir)).publicKeyText;
      if (node === india) {
        await createOrganisation(store, { id: 'jpcert', name: 'JPCERT/CC', country: 'JP', kind: 'cert' }, clock);
        await createOrganisation(store, { id: 'acme-in', name: 'Acme Networks India', country: 'IN', kind: 'ict-vendor' }, clock);
        await createOrganisation(store, { id: 'telco-in', name: 'A telecom operator in India', country: 'IN', kind: 'cii-operator' }, clock);
        await store.updateOrganisation('cert-in', { clients: ['acme-in'] });
        node.collection = (await createCollection(store, { title: 'IN-JP cyber cooperation', readOrgs: ['cert-in', 'telco-in', 'jpcert'], writeOrgs: ['cert-in', 'telco-in'] }, clock, randomUUID)).id;
        node.writerToken = (await issueToken(store, { orgId: 'telco-in', role: 'analyst', label: 'demo member' }, clock, randomUUID)).secret;
      } else {
        await createOrganisation(store, { id: 'cert-in', name: 'CERT-In', country: 'IN', kind: 'cert' }, clock);
        node.collection = (await createCollection(store, { title: 'Shared by CERT-In', readOrgs: [node.name, 'cert-in'], writeOrgs: ['cert-in'] }, clock, randomUUID)).id;
        node.peerToken = (await issueToken(store, { orgId: 'cert-in', role: 'peer', label: 'CERT-In node pushes' }, clock, randomUUID)).secret;
      }
    } finally {
      await store.close();
    }
  }
  const register = async (node: DemoNode, peer: NewPeer) => {
    const opened = await openNode(node.dir, clock, { databaseUrl: undefined });
    const sync = await openNodeSync(opened, clock);
    try {
      await addPeer(opened.store, sync, peer, clock, randomUUID);
    } finally {
      await sync.close();
      await opened.store.close();
    }
  };
  for (const receiver of [japan, company]) {
    await register(india, {
      name: receiver.name,
      url: `${url(receiver)}/taxii2/`,
      orgId: receiver.name,
      auth: { kind: 'token', token: receiver.peerToken },
      publicKey: receiver.publicKey,
      push: [{ local: india.collection, remote: receiver.collection }],
    });
    await register(receiver, { name: 'cert-in', url: `${url(india)}/taxii2/`, orgId: 'cert-in', auth: { kind: 'none' }, publicKey: india.publicKey });
  }
  return nodes;
}

function startChild(node: DemoNode, io: CliIo): ChildProcess {
  const child = spawn(process.execPath, [...CHILD_ARGS, 'serve', '--data', node.dir, '--port', String(node.port), '--log-level', 'warn'], { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.on('data', (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    if (!text.includes('serving TAXII') && !text.includes('shutting down')) io.err(`[${node.name}] ${text}`);
  });
  return child;
}

async function waitUntil<T>(ms: number, probe: () => Promise<T | undefined>): Promise<T | undefined> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return undefined;
}

async function objectsOf(node: DemoNode): Promise<Record<string, unknown>[]> {
  const response = await request(`${apiRoot(node)}collections/${node.collection}/objects/?limit=1000`, { headers: { authorization: `Bearer ${node.adminToken}`, accept: MEDIA } });
  const body = (await response.body.json()) as { objects?: Record<string, unknown>[] };
  return body.objects ?? [];
}

function demoObjects(): { label: string; tlp: string; object: Record<string, unknown>; japan: boolean; company: boolean }[] {
  const indicator = (n: number, extra: Record<string, unknown>) => ({
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${randomUUID()}`,
    created: '2026-11-27T00:00:00.000Z',
    modified: '2026-11-27T00:00:00.000Z',
    name: `Demo C2 address ${n}`,
    pattern: `[ipv4-addr:value = '203.0.113.${n}']`,
    pattern_type: 'stix',
    valid_from: '2026-11-27T00:00:00Z',
    ...extra,
  });
  const red = (names: string[]) => ({ extensions: { [SETU_RECIPIENTS_EXTENSION_ID]: { extension_type: 'property-extension', recipients: names.map(orgIdentityId) } } });
  return [
    { label: 'TLP:CLEAR', tlp: 'clear', object: indicator(1, { object_marking_refs: [TLP.clear] }), japan: true, company: true },
    { label: 'TLP:GREEN (community IN-JP)', tlp: 'green', object: indicator(2, { object_marking_refs: [TLP.green] }), japan: true, company: false },
    { label: 'TLP:AMBER (CERT-In and its clients)', tlp: 'amber', object: indicator(3, { object_marking_refs: [TLP.amber] }), japan: false, company: true },
    { label: 'TLP:AMBER+STRICT', tlp: 'amber+strict', object: indicator(4, { object_marking_refs: [TLP['amber+strict']] }), japan: false, company: false },
    { label: 'TLP:RED naming CERT-In and JPCERT/CC', tlp: 'red', object: indicator(5, { object_marking_refs: [TLP.red], ...red(['cert-in', 'jpcert']) }), japan: true, company: false },
    {
      label: 'TLP:GREEN with personal data',
      tlp: 'green',
      object: indicator(6, { object_marking_refs: [TLP.green], description: 'Reported by ravi.kumar@telco.example.in, phone +91 98765 43210' }),
      japan: true,
      company: false,
    },
  ];
}

export async function federation(options: DemoFederationOptions, io: CliIo): Promise<DemoResult> {
  if (!Number.isInteger(options.basePort) || options.basePort < 1024 || options.basePort > 65533) throw new ExitError(EXIT.usage, '--base-port must be an integer from 1024 to 65533');
  const root = options.dir ?? (await mkdtemp(join(tmpdir(), 'setu-demo-')));
  const say = (text: string) => {
    if (!options.json) io.out(text);
  };
  say(`Setting up three nodes in ${root}\n`);
  const nodes = await setUp(root, options.basePort, io.clock);
  const [india, japan, company] = nodes as [DemoNode, DemoNode, DemoNode];
  const children = nodes.map((n) => startChild(n, io));
  const stopAll = async () => {
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null || c.signalCode !== null) return resolve();
            const timer = setTimeout(() => c.kill('SIGKILL'), 10_000);
            c.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            c.kill('SIGTERM');
          }),
      ),
    );
  };
  try {
    for (const node of nodes) {
      const up = await waitUntil(60_000, async () => ((await request(`${url(node)}/healthz`)).statusCode === 200 ? true : undefined));
      if (up === undefined) throw new ExitError(EXIT.failure, `the ${node.key} node did not start on port ${node.port} (is the port free?)`);
      say(`  ${node.key.padEnd(7)} ${node.name.padEnd(8)} ${url(node)}/taxii2/  admin token ${node.adminToken}\n`);
    }
    say(`CERT-In pushes its IN-JP collection to JPCERT/CC and to Acme (a client of CERT-In), signed with its node key.\n`);
    const shared = demoObjects();
    const posted = await request(`${apiRoot(india)}collections/${india.collection}/objects/`, {
      method: 'POST',
      headers: { authorization: `Bearer ${india.writerToken}`, accept: MEDIA, 'content-type': MEDIA },
      body: JSON.stringify({ objects: shared.map((s) => s.object) }),
    });
    await posted.body.text();
    say(`A telecom operator shared ${shared.length} indicators on the India node at ${new Date(io.clock()).toISOString()}.\n`);
    const want = (key: 'japan' | 'company') => shared.filter((s) => s[key]).length;
    await waitUntil(30_000, async () => ((await objectsOf(japan)).length >= want('japan') && (await objectsOf(company)).length >= want('company') ? true : undefined));
    // A moment more, so that anything wrongly admitted would have arrived too.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const atJapan = new Map((await objectsOf(japan)).map((o) => [String(o['id']), o]));
    const atCompany = new Set((await objectsOf(company)).map((o) => String(o['id'])));
    const cases: DemoCase[] = shared.map((s) => {
      const id = String(s.object['id']);
      const there = atJapan.get(id);
      const description = there?.['description'];
      return {
        label: s.label,
        tlp: s.tlp,
        id,
        japan: there !== undefined,
        company: atCompany.has(id),
        expectedJapan: s.japan,
        expectedCompany: s.company,
        ...(typeof description === 'string' && description !== s.object['description'] ? { japanDescription: description } : {}),
      };
    });
    const ok = cases.every((c) => c.japan === c.expectedJapan && c.company === c.expectedCompany);
    const mark = (yes: boolean) => (yes ? 'arrived ' : '-       ');
    say(`\n${'object'.padEnd(40)} ${'Japan'.padEnd(8)} ${'Acme'.padEnd(8)}\n`);
    for (const c of cases) {
      say(`${c.label.padEnd(40)} ${mark(c.japan)} ${mark(c.company)}${c.japan === c.expectedJapan && c.company === c.expectedCompany ? '' : '  UNEXPECTED'}\n`);
      if (c.japanDescription !== undefined) say(`${''.padEnd(4)}redacted on the way out: "${c.japanDescription}"\n`);
    }
    say(ok ? '\nEvery object went exactly where TLP 2.0 allows.\n' : '\nSome objects did not go where TLP 2.0 allows (see UNEXPECTED).\n');
    const result: DemoResult = { nodes: nodes.map((n) => ({ name: n.name, url: `${url(n)}/taxii2/`, adminToken: n.adminToken, dataDir: n.dir })), cases, ok };
    emit(io, options.json, result, () => '');
    if (!options.once) {
      say('The nodes keep running: try `setu peer status --data ' + india.dir + '`. Press Ctrl+C to stop.\n');
      await untilShutdown();
    }
    if (!ok) throw new ExitError(EXIT.failure, 'the demonstration did not go as TLP 2.0 requires', true);
    return result;
  } finally {
    await stopAll();
  }
}
