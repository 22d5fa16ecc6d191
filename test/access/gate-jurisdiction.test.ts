// Who is outside the node's jurisdiction (access.isOutside) and the profile's `outside` lists
// (parseProfiles): the order of the rule, unknown countries, and configuration errors that name
// the profile and the field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUILT_IN_PROFILES, isOutside, parseProfiles } from '../../src/access/index.js';
import { isSetuError } from '../../src/errors/index.js';

const IN = BUILT_IN_PROFILES['IN']!;
const home = { country: 'IN', profile: IN };

test('an organisation of another country, or of none on record, is outside; one of the node country is inside', () => {
  assert.equal(isOutside({ id: 'jpcert', country: 'JP' }, home), true);
  assert.equal(isOutside({ id: 'cert-in', country: 'IN' }, home), false);
  assert.equal(isOutside({ id: 'bank', country: 'in' }, home), false, 'country codes compare in upper case');
  assert.equal(isOutside({ id: 'mystery', country: null }, home), true);
  assert.equal(isOutside({ id: 'blank', country: '' }, home), true);
});

test('the profile lists further outsiders: organisations whatever their country, and countries', () => {
  const config = parseProfiles({ profiles: { IN: { extends: 'IN', outside: { organisations: ['acme-jp-india'], countries: ['SG'] } } } }, 'jurisdictions.json');
  const profile = config.profiles['IN']!;
  assert.deepEqual(profile.outside, { countries: ['SG'], organisations: ['acme-jp-india'] });
  assert.equal(isOutside({ id: 'acme-jp-india', country: 'IN' }, { country: 'IN', profile }), true);
  assert.equal(isOutside({ id: 'sg-cert', country: 'SG' }, { country: 'SG', profile }), true, 'a listed country is outside even on a node of that country');
  assert.equal(isOutside({ id: 'cert-in', country: 'IN' }, { country: 'IN', profile }), false);
  // A profile extending another adds to its lists.
  const more = parseProfiles({ profiles: { A: { extends: 'IN', outside: { countries: ['SG'] } }, B: { extends: 'A', outside: { countries: ['MY'] } } } }, 'f');
  assert.deepEqual(more.profiles['B']!.outside, { countries: ['SG', 'MY'], organisations: [] });
  assert.equal(BUILT_IN_PROFILES['JP']!.outside, undefined);
});

test('a malformed outside list is a configuration error naming the profile and the field', () => {
  const refused = (outside: unknown, field: string) =>
    assert.throws(
      () => parseProfiles({ profiles: { X: { extends: 'IN', outside } } }, 'jurisdictions.json'),
      (e: unknown) => isSetuError(e) && e.code === 'SETU_ERR_GATE_BAD_PROFILE' && e.message.includes('profile X') && e.message.includes(field),
    );
  refused(['JP'], '"outside"');
  refused({ countries: ['jp'] }, 'outside.countries');
  refused({ countries: 'JP' }, 'outside.countries');
  refused({ organisations: [''] }, 'outside.organisations');
  refused({ countrys: ['JP'] }, 'countrys');
});
