// decideShare: the onward (TLP) rule first, then the review queue's verdict on this exact content,
// then the gate; the reasons say which of the three withheld or held an object.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUILT_IN_PROFILES, IdentitiesOnce, contentHash, decideShare, pseudonymId, type JurisdictionProfile, type ShareCandidate, type ShareOptions } from '../../src/access/gate/index.js';

const KEY = Buffer.alloc(32, 1);
const SUBMITTER = 'identity--a0000000-0000-4000-8000-000000000001';
const options = (overrides: Partial<ShareOptions> = {}): ShareOptions => ({
  recipientOrg: 'jpcert',
  profile: BUILT_IN_PROFILES['IN'] as JurisdictionProfile,
  consent: new Set(),
  pseudonymKey: KEY,
  onward: () => ({ allowed: true }),
  review: () => undefined,
  ...overrides,
});
const candidate = (id: string, body: Record<string, unknown>): ShareCandidate => {
  const json = JSON.stringify({ type: 'note', spec_version: '2.1', id, created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', object_refs: ['indicator--11111111-1111-4111-8111-111111111111'], ...body });
  return { collectionId: 'c1', id, type: 'note', version: '2026-01-01T00:00:00.000Z', json };
};
const plain = candidate('note--00000000-0000-4000-8000-000000000001', { content: 'nothing personal', created_by_ref: SUBMITTER });
const aadhaar = candidate('note--00000000-0000-4000-8000-000000000002', { content: 'UID 2341 2341 2346' });

test('the onward rule withholds first, and says so', () => {
  const decision = decideShare(plain, options({ onward: () => ({ allowed: false, reason: 'TLP:AMBER+STRICT may reach only cert-in itself; not jpcert' }) }));
  assert.equal(decision.outcome, 'withhold');
  assert.deepEqual(decision.outcome === 'withhold' && decision.reasons, [{ source: 'onward', rule: 'tlp', message: 'TLP:AMBER+STRICT may reach only cert-in itself; not jpcert' }]);
});

test('held content: hold (with the pending review), released when approved, withheld when rejected', () => {
  const hash = contentHash(aadhaar.json);
  const held = decideShare(aadhaar, options());
  assert.equal(held.outcome, 'hold');
  assert.equal(held.contentHash, hash);
  const pending = decideShare(aadhaar, options({ review: (id, h) => (id === aadhaar.id && h === hash ? { reviewId: 'r1', state: 'pending', release: null } : undefined) }));
  assert.ok(pending.outcome === 'hold');
  assert.equal(pending.reviewId, 'r1');
  assert.deepEqual(pending.reasons.map((r) => `${r.source}:${r.rule}`), ['gate:pii-hold', 'review:review-pending']);
  const approved = decideShare(aadhaar, options({ review: () => ({ reviewId: 'r1', state: 'approved', release: 'redacted' }) }));
  assert.ok(approved.outcome === 'send');
  assert.equal(JSON.parse(approved.json).content, 'UID [REDACTED:aadhaar]');
  assert.equal(approved.reviewId, 'r1');
  const rejected = decideShare(aadhaar, options({ review: () => ({ reviewId: 'r1', state: 'rejected', release: null }) }));
  assert.ok(rejected.outcome === 'withhold');
  assert.deepEqual(rejected.reasons.map((r) => `${r.source}:${r.rule}`), ['review:review-rejected']);
});

test('a review verdict binds to the content: an edited object is decided afresh', () => {
  const edited = { ...aadhaar, json: aadhaar.json.replace('UID', 'Aadhaar') };
  const decision = decideShare(edited, options({ review: (_id, h) => (h === contentHash(aadhaar.json) ? { reviewId: 'r1', state: 'approved', release: 'as-is' } : undefined) }));
  assert.equal(decision.outcome, 'hold');
});

test('pseudonymous identities are handed out once per share', () => {
  const once = new IdentitiesOnce();
  const a = decideShare(plain, options());
  const b = decideShare(candidate('note--00000000-0000-4000-8000-000000000003', { content: 'x', created_by_ref: SUBMITTER }), options());
  assert.deepEqual(once.take(a).map((i) => i['id']), [pseudonymId(KEY, 'jpcert', SUBMITTER)]);
  assert.deepEqual(once.take(b), []);
});
