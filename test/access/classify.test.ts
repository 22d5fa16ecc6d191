// access/classify, extension, tlp and identities: the write-time visibility columns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  SETU_RECIPIENTS_EXTENSION,
  SETU_RECIPIENTS_EXTENSION_ID,
  classify,
  orgIdentityId,
  parseTlp,
  readRecipients,
  tlpOfMarkings,
} from '../../src/access/index.js';
import { validate } from '../../src/stix/index.js';

const TLP1 = { white: 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9', green: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da', amber: 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82', red: 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed' };
const TLP2 = { clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487', green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb', amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421', strict: 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003', red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1' };
const STATEMENT = 'marking-definition--11111111-2222-4333-8444-555555555555';

const obj = (extra: Record<string, unknown> = {}) => ({ type: 'malware', spec_version: '2.1', id: 'malware--00000000-0000-4000-8000-000000000001', created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', name: 'x', is_family: false, ...extra });
const ok = (o: Record<string, unknown>, defaultTlp: 'green' | 'amber' = 'green', ownerOrg: string | null = 'org-a') => {
  const r = classify(o, { defaultTlp, ownerOrg });
  assert.ok(r.ok, JSON.stringify(r));
  return r.classification;
};

test('TLP 1.0 maps to 2.0 (WHITE -> CLEAR), the strictest marking wins, non-TLP markings are ignored', () => {
  assert.equal(tlpOfMarkings([TLP1.white]), 'clear');
  assert.equal(tlpOfMarkings([TLP1.green, TLP2.amber]), 'amber');
  assert.equal(tlpOfMarkings([TLP2.strict, TLP1.amber]), 'amber+strict', 'AMBER+STRICT is stricter than AMBER');
  assert.equal(tlpOfMarkings([TLP2.clear, TLP1.red, TLP2.green]), 'red');
  assert.equal(tlpOfMarkings([STATEMENT]), null);
  assert.equal(parseTlp('TLP:WHITE'), 'clear');
  assert.equal(parseTlp('amber+strict'), 'amber+strict');
  assert.equal(parseTlp('purple'), null);
});

test('an object without TLP takes the collection default; marking definitions are always CLEAR', () => {
  assert.equal(ok(obj()).tlp, 'green');
  assert.equal(ok(obj(), 'amber').tlp, 'amber');
  assert.equal(ok(obj({ object_marking_refs: [STATEMENT] }), 'amber').tlp, 'amber');
  assert.equal(ok(obj({ object_marking_refs: [TLP2.clear] }), 'amber').tlp, 'clear', 'the object\'s own marking, not the default');
  const md = { type: 'marking-definition', spec_version: '2.1', id: STATEMENT, created: '2026-01-01T00:00:00.000Z', definition_type: 'statement', definition: { statement: 'c' }, object_marking_refs: [TLP2.red] };
  assert.equal(ok(md).tlp, 'clear');
});

test('RED readers: the named recipients, else only the owner; other levels carry none', () => {
  const named = [orgIdentityId('org-b'), orgIdentityId('org-c')];
  const ext = { extensions: { [SETU_RECIPIENTS_EXTENSION_ID]: { extension_type: 'property-extension', recipients: named } } };
  assert.deepEqual(ok(obj({ object_marking_refs: [TLP2.red], ...ext })).recipients, named);
  assert.deepEqual(ok(obj({ object_marking_refs: [TLP2.red] })).recipients, [orgIdentityId('org-a')]);
  assert.deepEqual(ok(obj({ object_marking_refs: [TLP2.red] }), 'green', null).recipients, []);
  assert.deepEqual(ok(obj({ object_marking_refs: [TLP2.amber], ...ext })).recipients, []);
  assert.equal(ok(obj()).ownerOrg, 'org-a');
});

test('the recipients extension is checked: shape, extension_type, identity ids, duplicates, unknown properties', () => {
  const use = (body: unknown) => readRecipients(obj({ extensions: { [SETU_RECIPIENTS_EXTENSION_ID]: body } }));
  assert.deepEqual(use({ extension_type: 'property-extension', recipients: [orgIdentityId('x')] }), { ok: true, recipients: [orgIdentityId('x')] });
  for (const bad of [
    'nope',
    { recipients: [orgIdentityId('x')] },
    { extension_type: 'toplevel-property-extension', recipients: [orgIdentityId('x')] },
    { extension_type: 'property-extension', recipients: [] },
    { extension_type: 'property-extension', recipients: ['organisation-b'] },
    { extension_type: 'property-extension', recipients: ['malware--00000000-0000-4000-8000-000000000001'] },
    { extension_type: 'property-extension', recipients: [orgIdentityId('x'), orgIdentityId('x')] },
    { extension_type: 'property-extension', recipients: [orgIdentityId('x')], readers: [] },
  ]) {
    const r = use(bad);
    assert.equal(r.ok, false, JSON.stringify(bad));
    const c = classify(obj({ object_marking_refs: [TLP2.red], extensions: { [SETU_RECIPIENTS_EXTENSION_ID]: bad } }), { defaultTlp: 'green', ownerOrg: 'a' });
    assert.equal(c.ok, false);
    if (!c.ok) assert.match(c.path, /^extensions\.extension-definition--/);
  }
  assert.deepEqual(readRecipients(obj()), { ok: true, recipients: null });
});

test('granular flag: only a granular TLP marking stricter than the object level sets it', () => {
  const g = (ref: string, level?: string) => obj({ ...(level ? { object_marking_refs: [level] } : {}), granular_markings: [{ marking_ref: ref, selectors: ['name'] }] });
  assert.equal(ok(g(TLP2.red)).hasGranular, true);
  assert.deepEqual(ok(g(TLP2.red)).recipients, [orgIdentityId('org-a')], 'RED fields need readers even on a GREEN object');
  assert.equal(ok(g(TLP2.amber, TLP2.amber)).hasGranular, false, 'not stricter');
  assert.equal(ok(g(TLP2.clear)).hasGranular, false);
  assert.equal(ok(g(STATEMENT)).hasGranular, false);
});

test('organisation identity ids are deterministic UUIDv5 identity ids, distinct per organisation', () => {
  assert.equal(orgIdentityId('cert-in'), orgIdentityId('cert-in'));
  assert.notEqual(orgIdentityId('cert-in'), orgIdentityId('jpcert'));
  assert.match(orgIdentityId('cert-in'), /^identity--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

test('the extension-definition is valid STIX 2.1 (strict) and a property-extension', () => {
  const result = validate(SETU_RECIPIENTS_EXTENSION as Record<string, unknown>, { strict: true });
  assert.ok(result.valid, JSON.stringify(result));
  assert.deepEqual(SETU_RECIPIENTS_EXTENSION['extension_types'], ['property-extension']);
  const user = obj({ object_marking_refs: [TLP2.red], extensions: { [SETU_RECIPIENTS_EXTENSION_ID]: { extension_type: 'property-extension', recipients: [orgIdentityId('b')] } } });
  assert.ok(validate(user, {}).valid, 'an object using it validates');
});
