// The outbound gate's verdicts for a foreign reader when what they were decided from changes (a new
// indicator, a deleted one) while a read decides only a bounded number of versions: the reader's
// view never shrinks to what one read can decide again, and a version whose recorded verdict no
// longer holds is never served on the strength of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { ingest } from '../../src/ingest/index.js';
import { foreignReads, issueToken, loadGateConfig, openNode } from '../../src/node/index.js';
import { taxiiPlugin } from '../../src/taxii/index.js';
import * as share from '../../src/cli/commands/share.js';
import { captureIo } from '../cli/capture.js';
import { OBJECTS, shareNode } from '../cli/share-fixture.js';

const TAXII = 'application/taxii+json;version=2.1';
const clock = () => Date.parse('2026-11-27T12:00:00.000Z');

function indicator(n: number, pattern: string): Record<string, unknown> {
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--00000020-0000-4000-8000-${String(n).padStart(12, '0')}`,
    created: '2026-01-03T00:00:00.000Z',
    modified: '2026-01-03T00:00:00.000Z',
    pattern,
    pattern_type: 'stix',
    valid_from: '2026-01-03T00:00:00.000Z',
  };
}

async function boundedNode() {
  const { dir, collection } = await shareNode();
  const node = await openNode(dir, clock);
  const gate = await loadGateConfig(dir, node.info);
  const app = Fastify({ logger: false });
  const { secret } = await issueToken(node.store, { orgId: 'jpcert', role: 'reader' }, clock, randomUUID);
  await app.register(taxiiPlugin, {
    store: node.store,
    clock,
    newId: randomUUID,
    events: { emit: () => true },
    title: 'bounded',
    maxContentLength: 1_000_000,
    foreignReads: foreignReads({ store: node.store, profile: gate.profile, pseudonymKey: gate.pseudonymKey, country: gate.country, clock, newId: randomUUID, decideBudget: 2 }),
  });
  await app.ready();
  const read = async () => {
    const res = await app.inject({ method: 'GET', url: `/taxii2/setu/collections/${collection}/objects/?match[version]=all`, headers: { accept: TAXII, authorization: `Bearer ${secret}` } });
    assert.equal(res.statusCode, 200, res.body);
    return ((res.json() as { objects?: Record<string, unknown>[] }).objects ?? []).map((o) => JSON.stringify(o));
  };
  const put = async (object: Record<string, unknown>) => {
    const result = await ingest({ store: node.store, collectionId: collection, rawObjects: [JSON.stringify(object)], clock, newId: randomUUID, events: { emit: () => true }, submitter: { orgId: 'bank-a' } });
    assert.equal(result.status.successCount, 1);
  };
  const preview = async () => {
    const p = await share.preview({ data: dir, to: 'jpcert', as: 'jpcert', collection, json: true }, captureIo());
    return p.objects.flatMap((d) => (d.outcome === 'send' ? [JSON.stringify(JSON.parse(d.json))] : []));
  };
  const settle = async () => {
    const expected = await preview();
    let now = await read();
    for (let i = 0; i < 20 && JSON.stringify(now) !== JSON.stringify(expected); i++) now = await read();
    assert.deepEqual(now, expected, 'later reads reach what the preview lists');
    return now;
  };
  return { node, collection, read, put, settle, close: async () => (await app.close(), await node.store.close()) };
}

test('a new indicator changes the inputs of every verdict, yet the reader keeps every version it read while they are decided again', async () => {
  const n = await boundedNode();
  try {
    const before = await n.settle();
    assert.ok(before.length > 2, `more versions than one read decides (${before.length})`);
    await n.put(indicator(1, "[domain-name:value = 'unrelated.example']"));
    const after = await n.read();
    for (const json of before) assert.ok(after.includes(json), `still served after the change: ${json.slice(0, 80)}`);
    await n.settle();
  } finally {
    await n.close();
  }
});

test('a version that no longer passes is not served on its recorded verdict before the sweep reaches it', async () => {
  const n = await boundedNode();
  try {
    const victim = OBJECTS.victim;
    const threat = indicator(2, `[email-addr:value = '${victim.value}']`);
    await n.put(threat);
    const released = await n.settle();
    assert.ok(released.some((json) => JSON.parse(json).id === victim.id), 'named by an indicator, the address is the threat: sent');
    // Other versions change the inputs first, so the sweep is busy elsewhere when the indicator goes.
    await n.put(indicator(3, "[domain-name:value = 'other.example']"));
    assert.equal(await n.node.store.deleteObject(n.collection, String(threat['id']), {}), 1);
    const now = await n.read();
    assert.ok(!now.some((json) => JSON.parse(json).id === victim.id), 'personal data again: not served');
    await n.settle();
  } finally {
    await n.close();
  }
});
