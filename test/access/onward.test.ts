// access/onward: where an object may go next, one case per row of DESIGN.md's TLP table, and the
// AMBER / AMBER+STRICT difference enforced.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mayPassOn, mayPassOnAll, orgIdentityId, type Destination, type HeldObject, type TlpLevel } from '../../src/access/index.js';

const held = (tlp: TlpLevel, extra: Partial<HeldObject> = {}): HeldObject => ({ tlp, ownerOrg: 'author', recipients: [], sharedWith: ['a', 'b', 'c'], ...extra });
const actor = { orgId: 'a', clients: ['client-1', 'client-2'] };
const col = (readers: string[], isPublic = false): Destination => ({ kind: 'collection', readers, public: isPublic });
const org = (orgId: string): Destination => ({ kind: 'organisation', orgId });
const allowed = (o: HeldObject, d: Destination, who = actor) => mayPassOn(o, who, d).allowed;

test('CLEAR goes anywhere, public collections included', () => {
  assert.ok(allowed(held('clear'), col(['x', 'y'], true)));
  assert.ok(allowed(held('clear'), org('stranger')));
});

test('GREEN stays in its community and never reaches a public collection', () => {
  assert.ok(allowed(held('green'), col(['b', 'c'])));
  assert.ok(allowed(held('green'), col(['author'])), 'the author is in the community');
  assert.ok(allowed(held('green'), org('c')));
  assert.equal(allowed(held('green'), col(['b', 'outsider'])), false);
  assert.equal(allowed(held('green'), col(['b'], true)), false, 'public');
  const d = mayPassOn(held('green'), actor, col(['outsider']));
  assert.ok(!d.allowed && /outsider/.test(d.reason));
});

test('AMBER reaches the actor and its clients only; AMBER+STRICT the actor only', () => {
  assert.ok(allowed(held('amber'), col(['a', 'client-1'])));
  assert.ok(allowed(held('amber'), org('client-2')));
  assert.equal(allowed(held('amber'), col(['a', 'b'])), false, 'another recipient is not a client');
  assert.equal(allowed(held('amber'), col(['a'], true)), false, 'public');
  assert.ok(allowed(held('amber+strict'), col(['a'])));
  assert.ok(allowed(held('amber+strict'), org('a')));
  assert.equal(allowed(held('amber+strict'), org('client-1')), false, 'AMBER+STRICT differs from AMBER exactly here');
  assert.equal(allowed(held('amber+strict'), col(['a', 'client-1'])), false);
});

test('RED goes nowhere but to a named recipient organisation; never into a collection', () => {
  const red = held('red', { recipients: [orgIdentityId('a'), orgIdentityId('b')] });
  assert.ok(allowed(red, org('b')));
  assert.equal(allowed(red, org('c')), false);
  assert.equal(allowed(red, col(['b'])), false);
});

test('the owner may share its own objects anywhere', () => {
  const owner = { orgId: 'author', clients: [] };
  for (const tlp of ['green', 'amber', 'amber+strict', 'red'] as const) {
    assert.ok(allowed(held(tlp), col(['anyone'], true), owner), tlp);
  }
  assert.equal(allowed(held('amber', { ownerOrg: null }), col(['z'])), false, 'an unknown owner is nobody');
});

test('over several stored copies, every copy must admit the destination', () => {
  const copies = [held('green'), held('amber+strict')];
  assert.ok(mayPassOnAll(copies, actor, col(['a'])).allowed);
  assert.equal(mayPassOnAll(copies, actor, col(['b'])).allowed, false);
});
