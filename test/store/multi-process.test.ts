// Several Setu processes on one PostgreSQL database behave as one node: a write through one
// server is readable through the other at once and its live 'added' event reaches both; a writer
// killed (SIGKILL) in the middle of a bundle leaves either the whole bundle or none of it.
import { after, describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { run as init } from '../../src/cli/commands/init.js';
import { run as migrate } from '../../src/cli/commands/migrate.js';
import { withNode } from '../../src/node/index.js';
import { openPostgresStore } from '../../src/store/index.js';
import { captureIo } from '../cli/capture.js';
import { collection } from './helpers.js';
import { PG_URL, SKIP_REASON, TestSchemas } from './postgres-helpers.js';

const schemas = new TestSchemas();
const children: ChildProcess[] = [];
after(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await schemas.drop();
});

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const TAXII = 'application/taxii+json;version=2.1';

/** Spawns a child script under tsx; `lines` yields its stdout lines as they come. */
function child(script: string, args: string[], env: Record<string, string> = {}) {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'test/store', script), ...args], {
    cwd: REPO,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(proc);
  const lines: string[] = [];
  const waiters: (() => void)[] = [];
  createInterface({ input: proc.stdout! }).on('line', (line) => {
    lines.push(line);
    for (const wake of waiters.splice(0)) wake();
  });
  const waitFor = async (match: (line: string) => boolean, what: string, ms = 20_000): Promise<string> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = lines.find(match);
      if (found !== undefined) return found;
      if (Date.now() > deadline || proc.exitCode !== null) throw new Error(`${script}: no ${what} (exit ${proc.exitCode})`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  };
  return { proc, lines, waitFor };
}

function indicator(id: string) {
  const t = '2026-01-01T00:00:00.000Z';
  return { type: 'indicator', spec_version: '2.1', id, created: t, modified: t, pattern: "[ipv4-addr:value = '198.51.100.7']", pattern_type: 'stix', valid_from: t };
}

if (PG_URL === undefined) {
  test('multi-process', (t) => t.skip(SKIP_REASON));
} else {
  describe('two Setu processes on one PostgreSQL database', () => {
    it('a write through one is readable through the other at once, and live events reach both', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'setu-multi-'));
      const io = captureIo();
      await init({ data: dir, nodeName: 'CERT Multi', country: 'IN', json: true }, io);
      const { adminToken } = JSON.parse(io.stdout()) as { adminToken: string };
      await withNode(dir, Date.now, async ({ store }) => store.createCollection(collection('c1')));
      const schema = schemas.next();
      const url = `${PG_URL}?schema=${schema}`;
      await migrate({ from: dir, to: url, json: true }, captureIo());

      const a = child('multi-process-server.ts', [dir], { SETU_DATABASE_URL: url });
      const b = child('multi-process-server.ts', [dir], { SETU_DATABASE_URL: url });
      const rootA = (await a.waitFor((l) => l.startsWith('ready '), 'ready line')).slice(6);
      const rootB = (await b.waitFor((l) => l.startsWith('ready '), 'ready line')).slice(6);
      assert.notEqual(rootA, rootB);

      const id = `indicator--${randomUUID()}`;
      const posted = await fetch(`${rootA}collections/c1/objects/`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': TAXII, accept: TAXII },
        body: JSON.stringify({ objects: [indicator(id)] }),
      });
      assert.equal(posted.status, 202, await posted.clone().text());
      const status = (await posted.json()) as { success_count: number };
      assert.equal(status.success_count, 1);

      // 1. readable through B at once (no waiting: the commit preceded A's answer)
      const read = await fetch(`${rootB}collections/c1/objects/?match[id]=${id}`, { headers: { authorization: `Bearer ${adminToken}`, accept: TAXII } });
      assert.equal(read.status, 200);
      const envelope = (await read.json()) as { objects: { id: string }[] };
      assert.deepEqual(envelope.objects.map((o) => o.id), [id]);
      // 2. the live 'added' event reaches A (in-process) and B (over LISTEN/NOTIFY)
      await a.waitFor((l) => l === `added ${id}`, 'added event in A');
      await b.waitFor((l) => l === `added ${id}`, 'added event in B');
      for (const s of [a, b]) s.proc.kill('SIGTERM');
    });

    it('a writer killed mid-bundle leaves whole bundles only', async () => {
      const schema = schemas.next();
      const url = `${PG_URL}?schema=${schema}`;
      const store = await openPostgresStore({ url });
      await store.createCollection(collection('c1'));
      const writer = child('multi-process-writer.ts', [url]);
      await writer.waitFor((l) => l === 'acked 2', 'three acked bundles', 60_000);
      await new Promise((resolve) => setTimeout(resolve, 15)); // well inside the next bundle's transaction
      writer.proc.kill('SIGKILL');
      await new Promise((resolve) => writer.proc.once('exit', resolve));
      const acked = writer.lines.filter((l) => l.startsWith('acked ')).length;

      const total = await store.countObjects('c1');
      assert.equal(total % 2000, 0, `only whole bundles are stored (found ${total} versions)`);
      assert.ok(total / 2000 >= acked, 'every acknowledged bundle is stored');
      for (let bundle = 0; bundle < total / 2000; bundle += 1) {
        const status = await store.getStatus(`bundle-${bundle}`);
        assert.equal(status?.successCount, 2000, `bundle ${bundle} and its status committed together`);
      }
      assert.equal(await store.getStatus(`bundle-${total / 2000}`), undefined, 'the interrupted bundle left no status');
      await store.close();
    });
  });
}
