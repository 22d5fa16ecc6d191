// Provenance (stamping, reading the chain), push signatures, backoff, and the diamond: the same
// version arriving over two paths with different hop chains is one version (ingest's
// provenance-aware idempotency), while a real content change is still a conflict.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { publicKeyText } from '../../src/access/audit/index.js';
import { ingest } from '../../src/ingest/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import { validate } from '../../src/stix/index.js';
import { SETU_PROVENANCE_EXTENSION, SETU_PROVENANCE_EXTENSION_ID, backoffDelay, chainIncludes, checkSignature, nodeIdOf, readChain, signatureHeader, stamp } from '../../src/sync/index.js';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const C = 'c'.repeat(64);

const object = {
  type: 'indicator',
  spec_version: '2.1',
  id: 'indicator--11111111-1111-4111-8111-111111111111',
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  name: 'x',
  pattern: "[ipv4-addr:value = '203.0.113.9']",
  pattern_type: 'stix',
  valid_from: '2026-01-01T00:00:00Z',
};

test('stamping starts a chain at the origin, appends each sender once, and the result stays valid STIX', () => {
  const atA = stamp(JSON.stringify(object), 'indicator', A);
  assert.deepEqual(readChain(atA), { origin: A, hops: [A] });
  const atB = stamp(atA, 'indicator', B);
  assert.deepEqual(readChain(atB), { origin: A, hops: [A, B] });
  assert.equal(stamp(atB, 'indicator', B), JSON.stringify(JSON.parse(atB)), 'a re-send by the same node does not grow the chain');
  assert.ok(chainIncludes(readChain(atB), A) && chainIncludes(readChain(atB), B) && !chainIncludes(readChain(atB), C));
  assert.equal(validate(JSON.parse(atB), { strict: false }).valid, true);
  // Other extensions are kept.
  const other = { ...object, extensions: { 'extension-definition--22222222-2222-4222-8222-222222222222': { extension_type: 'property-extension', x: 1 } } };
  const stamped = JSON.parse(stamp(JSON.stringify(other), 'indicator', A)) as { extensions: Record<string, unknown> };
  assert.deepEqual(Object.keys(stamped.extensions).sort(), ['extension-definition--22222222-2222-4222-8222-222222222222', SETU_PROVENANCE_EXTENSION_ID].sort());
  // Marking definitions are never stamped; stamping is deterministic.
  assert.equal(stamp('{"type":"marking-definition"}', 'marking-definition', A), '{"type":"marking-definition"}');
  assert.equal(stamp(JSON.stringify(object), 'indicator', A), atA);
  assert.equal(validate(SETU_PROVENANCE_EXTENSION as Record<string, unknown>, { strict: false }).valid, true, 'the extension-definition itself is valid STIX');
});

test('the fast path (text append) and the parsing path agree for any object', () => {
  fc.assert(
    fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }).filter((k) => k !== 'extensions'), fc.jsonValue(), { maxKeys: 6 }), (extra) => {
      const json = JSON.stringify({ ...extra, type: 'indicator' });
      const fast = JSON.parse(stamp(json, 'indicator', A)) as Record<string, unknown>;
      assert.deepEqual(fast['extensions'], { [SETU_PROVENANCE_EXTENSION_ID]: { extension_type: 'property-extension', origin_node: A, hops: [A] } });
    }),
  );
});

test('a push signature verifies for the exact body and the registered key only', () => {
  const pair = generateKeyPairSync('ed25519');
  const other = generateKeyPairSync('ed25519');
  const key = publicKeyText(pair.publicKey);
  const nodeId = nodeIdOf(key);
  const body = Buffer.from('{"objects":[]}');
  const header = signatureHeader(body, pair.privateKey, nodeId);
  assert.deepEqual(checkSignature(header, body, [key]), { ok: true, nodeId });
  assert.equal(checkSignature(header, Buffer.from('{"objects":[ ]}'), [key]).ok, false, 'one changed byte');
  assert.equal(checkSignature(header, body, [publicKeyText(other.publicKey)]).ok, false, 'another key');
  assert.match((checkSignature(undefined, body, [key]) as { reason: string }).reason, /missing/);
  assert.match((checkSignature('ed25519 sig', body, [key]) as { reason: string }).reason, /malformed/);
});

test('backoff grows exponentially with jitter inside [cap/2, cap] and never passes the maximum', () => {
  const policy = { baseMs: 100, maxMs: 5000 };
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
      const cap = Math.min(5000, 100 * 2 ** (attempt - 1));
      const delay = backoffDelay(attempt, policy, () => r);
      assert.ok(delay >= Math.floor(cap / 2) && delay <= cap, `${delay} within [${cap / 2}, ${cap}]`);
    }),
  );
  assert.equal(backoffDelay(1, policy, () => 0), 50);
  assert.equal(backoffDelay(3, policy, () => 0.999999), 400);
});

test('diamond: the same version over two paths (different hop chains) is one version; the first copy is kept byte for byte', async (t) => {
  const store = await openSqliteStore({ path: ':memory:' });
  t.after(() => store.close());
  const collectionId = randomUUID();
  await store.createOrganisation({ id: 'org', name: 'org', country: 'IN', createdAt: '2026-01-01T00:00:00.000Z' });
  await store.createCollection({ id: collectionId, title: 'd', description: null, alias: null, readOrgs: ['org'], writeOrgs: ['org'], mediaTypes: [], createdAt: '2026-01-01T00:00:00.000Z' });
  const viaB = stamp(stamp(JSON.stringify(object), 'indicator', A), 'indicator', B);
  const viaC = stamp(stamp(JSON.stringify(object), 'indicator', A), 'indicator', C);
  const post = (raw: string) => ingest({ store, collectionId, rawObjects: [raw], clock: Date.now, newId: randomUUID, events: { emit: () => true } });
  const first = await post(viaB);
  assert.equal(first.added.length, 1);
  const second = await post(viaC);
  assert.deepEqual([second.status.successCount, second.status.failureCount, second.added.length], [1, 0, 0], 'idempotent re-post');
  const plain = await post(JSON.stringify(object));
  assert.deepEqual([plain.status.successCount, plain.added.length], [1, 0], 'without any chain: the same version too');
  const page = await store.queryObjects({ collectionId, versions: [{ kind: 'all' }], limit: 10, withJson: true });
  assert.equal(page.records.length, 1);
  assert.equal(page.records[0]?.json, viaB, 'the first copy, byte for byte');
  const changed = await post(stamp(JSON.stringify({ ...object, name: 'changed' }), 'indicator', C));
  assert.equal(changed.status.failureCount, 1, 'a real content change is still a conflict');
  assert.match(changed.status.failures[0]?.message ?? '', /different content/);
});
