// Jurisdiction profiles: the built-ins cover every kind, and DIR/jurisdictions.json can add and
// extend profiles but never leave a kind without an action.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUILT_IN_PROFILES, GATE_ACTIONS, parseProfiles, selectProfile } from '../../src/access/gate/index.js';
import { PII_KINDS } from '../../src/access/pii/index.js';

const code = (expected: string) => (error: unknown) => (error as { code?: string }).code === expected;

test('built-in profiles (IN, JP, DEFAULT) say something about every kind', () => {
  assert.deepEqual(Object.keys(BUILT_IN_PROFILES).sort(), ['DEFAULT', 'IN', 'JP']);
  for (const profile of Object.values(BUILT_IN_PROFILES)) {
    assert.deepEqual(Object.keys(profile.actions).sort(), [...PII_KINDS].sort(), profile.id);
    for (const action of Object.values(profile.actions)) assert.ok(GATE_ACTIONS.includes(action));
  }
  assert.equal(BUILT_IN_PROFILES['IN']?.actions.aadhaar, 'hold');
  assert.equal(BUILT_IN_PROFILES['JP']?.actions['my-number'], 'withhold');
});

test('a configured profile extends a built-in, and `use` picks it', () => {
  const config = parseProfiles({ use: 'SG', profiles: { SG: { extends: 'IN', name: 'Singapore', law: 'PDPA 2012', actions: { email: 'hold' } } } }, 'jurisdictions.json');
  const sg = selectProfile(config, 'IN');
  assert.equal(sg.id, 'SG');
  assert.equal(sg.actions.email, 'hold');
  assert.equal(sg.actions.aadhaar, 'hold');
  assert.equal(sg.actions.phone, 'redact');
});

test('without `use` the node country picks the profile; an unknown country gets DEFAULT', () => {
  const config = parseProfiles({}, 'x');
  assert.equal(selectProfile(config, 'jp').id, 'JP');
  assert.equal(selectProfile(config, 'FR').id, 'DEFAULT');
  const overridden = parseProfiles({ profiles: { IN: { extends: 'IN', actions: { pan: 'hold' } } } }, 'x');
  assert.equal(selectProfile(overridden, 'IN').actions.pan, 'hold', 'a built-in can be tightened');
});

test('malformed configuration is refused with a reason', () => {
  assert.throws(() => parseProfiles([], 'f'), code('SETU_ERR_GATE_BAD_PROFILE'));
  assert.throws(() => parseProfiles({ profiles: { SG: { name: 'x', law: 'y', actions: { email: 'redact' } } } }, 'f'), (e: unknown) => code('SETU_ERR_GATE_BAD_PROFILE')(e) && /says nothing about phone/.test((e as Error).message));
  assert.throws(() => parseProfiles({ profiles: { SG: { extends: 'IN', actions: { emails: 'redact' } } } }, 'f'), /unknown kind emails/);
  assert.throws(() => parseProfiles({ profiles: { SG: { extends: 'IN', actions: { email: 'drop' } } } }, 'f'), /unknown action "drop"/);
  assert.throws(() => parseProfiles({ profiles: { SG: { extends: 'XX' } } }, 'f'), /extends unknown profile/);
  assert.throws(() => parseProfiles({ profiles: { 'bad id!': { extends: 'IN' } } }, 'f'), code('SETU_ERR_GATE_BAD_PROFILE'));
  assert.throws(() => parseProfiles({ use: 'NOPE' }, 'f'), code('SETU_ERR_GATE_UNKNOWN_PROFILE'));
});
