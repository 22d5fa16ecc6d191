// detectPersonalData over whole STIX objects, and the guarantee that the threat itself (a phishing
// sender's address inside an indicator pattern, an SCO an indicator is based on) is never treated
// as personal data to act on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectPersonalData, patternLiterals, threatContextOf } from '../../src/access/pii/index.js';

const indicator = {
  type: 'indicator',
  spec_version: '2.1',
  id: 'indicator--11111111-1111-4111-8111-111111111111',
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  name: 'Phishing sender billing@paypa1-secure.example',
  description: 'Sent from billing[at]paypa1-secure[.]example to staff; reported by ravi.kumar@cert.example.in (+91 98765 43210).',
  pattern: "[email-message:from_ref.value = 'billing@paypa1-secure.example'] AND [email-addr:value = 'o\\'brien@evil.example']",
  pattern_type: 'stix',
  valid_from: '2026-01-01T00:00:00Z',
};
const sender = { type: 'email-addr', spec_version: '2.1', id: 'email-addr--22222222-2222-5222-8222-222222222222', value: 'billing@paypa1-secure.example' };
const victim = { type: 'email-addr', spec_version: '2.1', id: 'email-addr--33333333-3333-5333-8333-333333333333', value: 'staff.member@victim.example' };

test('pattern literals are read with escapes undone', () => {
  assert.deepEqual(patternLiterals(indicator.pattern), ['billing@paypa1-secure.example', "o'brien@evil.example"]);
});

test("an indicator's own threat value is exempt, in the pattern and wherever else it appears in the share", () => {
  const findings = detectPersonalData(indicator, threatContextOf([indicator]));
  const byMatch = Object.fromEntries(findings.map((f) => [`${f.path} ${f.match}`, f.exempt ?? 'act']));
  assert.deepEqual(byMatch, {
    '$.name billing@paypa1-secure.example': 'threat-value',
    '$.description billing[at]paypa1-secure[.]example': 'threat-value',
    '$.description ravi.kumar@cert.example.in': 'act',
    '$.description +91 98765 43210': 'act',
    '$.pattern billing@paypa1-secure.example': 'indicator-pattern',
    // the quote is not taken into the local part, so the escaped literal is seen from "brien"
    '$.pattern brien@evil.example': 'indicator-pattern',
  });
});

test('without any share context the pattern is still exempt (it is the threat by definition)', () => {
  const inPattern = detectPersonalData(indicator).filter((f) => f.path === '$.pattern');
  assert.ok(inPattern.length > 0 && inPattern.every((f) => f.exempt === 'indicator-pattern'));
});

test('email-addr / user-account SCOs are whole-object findings unless they are the threat', () => {
  assert.deepEqual(
    detectPersonalData(victim).map((f) => [f.kind, f.path, f.match, f.exempt]),
    [['email-addr', '$', 'staff.member@victim.example', undefined]],
  );
  const threats = threatContextOf([indicator, sender, victim]);
  assert.equal(detectPersonalData(sender, threats)[0]?.exempt, 'threat-object', 'its value is a pattern literal');
  assert.equal(detectPersonalData(victim, threats)[0]?.exempt, undefined);
  const account = { type: 'user-account', spec_version: '2.1', id: 'user-account--44444444-4444-5444-8444-444444444444', account_login: 'tanaka', display_name: 'Taro Tanaka' };
  assert.deepEqual(detectPersonalData(account).map((f) => [f.kind, f.match]), [['user-account', 'tanaka']]);
});

test('threat objects: based-on (directly or through observed-data), sighted observed-data, or marked x_setu_threat', () => {
  const od = { type: 'observed-data', id: 'observed-data--55555555-5555-4555-8555-555555555555', object_refs: [victim.id] };
  const basedOn = { type: 'relationship', id: 'relationship--66666666-6666-4666-8666-666666666666', relationship_type: 'based-on', source_ref: indicator.id, target_ref: od.id };
  assert.ok(threatContextOf([od, basedOn]).objects.has(victim.id));
  assert.ok(threatContextOf([{ ...basedOn, target_ref: victim.id }]).objects.has(victim.id));
  const sighting = { type: 'sighting', id: 'sighting--77777777-7777-4777-8777-777777777777', sighting_of_ref: indicator.id, observed_data_refs: [od.id] };
  assert.ok(threatContextOf([od, sighting]).objects.has(victim.id));
  assert.ok(threatContextOf([{ ...victim, x_setu_threat: true }]).objects.has(victim.id));
  // a relationship that is not based-on, or not from an indicator, marks nothing
  assert.equal(threatContextOf([od, { ...basedOn, relationship_type: 'related-to' }]).objects.size, 0);
  assert.equal(threatContextOf([od, { ...basedOn, source_ref: 'malware--88888888-8888-4888-8888-888888888888' }]).objects.size, 0);
});

test('identity names: only identity_class individual; references, ids and hashes are never scanned', () => {
  const person = { type: 'identity', id: 'identity--99999999-9999-4999-8999-999999999999', name: 'Taro Yamada', identity_class: 'individual', contact_information: 'taro@example.jp, 090-1234-5678' };
  assert.deepEqual(
    detectPersonalData(person).map((f) => [f.kind, f.path, f.match]),
    [
      ['individual-name', '$.name', 'Taro Yamada'],
      ['email', '$.contact_information', 'taro@example.jp'],
      ['phone', '$.contact_information', '090-1234-5678'],
    ],
  );
  const org = { ...person, identity_class: 'organization', name: 'JPCERT/CC', contact_information: 'abuse@example.jp' };
  assert.deepEqual(detectPersonalData(org).map((f) => [f.kind, f.exempt]), [['email', 'role-mailbox']]);
  const file = { type: 'file', id: 'file--aaaaaaaa-aaaa-5aaa-8aaa-aaaaaaaaaaaa', hashes: { 'SHA-256': '9876543210'.repeat(6) + 'abcd' }, created_by_ref: 'identity--98765432-1011-4111-8111-111111111111' };
  assert.deepEqual(detectPersonalData(file), []);
});

test('findings carry JSON paths into nested lists and extension keys', () => {
  const report = {
    type: 'report',
    id: 'report--bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
    external_references: [{ source_name: 'x', description: 'ask priya@example.in' }],
    extensions: { 'extension-definition--cccccccc-cccc-4ccc-8ccc-cccccccccccc': { extension_type: 'property-extension', note: 'PAN ABCPE1234F' } },
  };
  assert.deepEqual(
    detectPersonalData(report).map((f) => [f.path, f.kind, f.start, f.end]),
    [
      ['$.external_references[0].description', 'email', 4, 20],
      ["$.extensions['extension-definition--cccccccc-cccc-4ccc-8ccc-cccccccccccc'].note", 'pan', 4, 14],
    ],
  );
});
