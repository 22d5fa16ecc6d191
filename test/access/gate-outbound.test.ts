// passOutbound: redaction, hold and withhold per profile, review releases, submitter pseudonyms,
// and byte fidelity when nothing changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BUILT_IN_PROFILES, passOutbound, pseudonymId, pseudonymIdentity, type JurisdictionProfile, type OutboundOptions } from '../../src/access/gate/index.js';
import { threatContextOf } from '../../src/access/pii/index.js';

const IN = BUILT_IN_PROFILES['IN'] as JurisdictionProfile;
const JP = BUILT_IN_PROFILES['JP'] as JurisdictionProfile;
const KEY = Buffer.alloc(32, 7);
const SUBMITTER = 'identity--a0000000-0000-4000-8000-000000000001';
const RECIPIENT_IDENTITY = 'identity--b0000000-0000-4000-8000-000000000002';
const base = (overrides: Partial<OutboundOptions> = {}): OutboundOptions => ({
  recipientOrg: 'jpcert',
  recipientIdentities: new Set([RECIPIENT_IDENTITY]),
  profile: IN,
  consent: new Set(),
  memberIdentities: new Set([SUBMITTER]),
  pseudonymKey: KEY,
  ...overrides,
});

const phishing = {
  type: 'indicator',
  spec_version: '2.1',
  id: 'indicator--11111111-1111-4111-8111-111111111111',
  created_by_ref: SUBMITTER,
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  name: 'Phishing from billing@paypa1-secure.example',
  description: 'Reported by ravi.kumar@cert.example.in; victim phone +91 98765 43210.',
  pattern: "[email-addr:value = 'billing@paypa1-secure.example']",
  pattern_type: 'stix',
  valid_from: '2026-01-01T00:00:00Z',
};

test("the indicator's own threat value survives; the reporter's address and phone are redacted", () => {
  const result = passOutbound(JSON.stringify(phishing), base({ threats: threatContextOf([phishing]) }));
  assert.equal(result.kind, 'send');
  if (result.kind !== 'send') return;
  const sent = JSON.parse(result.json);
  assert.equal(sent.pattern, phishing.pattern, 'pattern byte for byte');
  assert.equal(sent.name, phishing.name, 'the threat value in the name is kept');
  assert.equal(sent.description, 'Reported by [REDACTED:email]; victim phone [REDACTED:phone].');
  assert.deepEqual(result.redactions.map((r) => [r.kind, r.path, r.match]), [
    ['email', '$.description', 'ravi.kumar@cert.example.in'],
    ['phone', '$.description', '+91 98765 43210'],
  ]);
  assert.deepEqual(result.kept.map((f) => f.exempt), ['threat-value', 'indicator-pattern']);
});

test('a non-consenting submitter is replaced by a pseudonym stable per recipient and different across recipients', () => {
  const toJp = passOutbound(phishing, base());
  const toJpAgain = passOutbound(phishing, base());
  const toOther = passOutbound(phishing, base({ recipientOrg: 'nciipc' }));
  assert.ok(toJp.kind === 'send' && toJpAgain.kind === 'send' && toOther.kind === 'send');
  const jp = JSON.parse(toJp.json).created_by_ref;
  assert.equal(jp, pseudonymId(KEY, 'jpcert', SUBMITTER));
  assert.match(jp, /^identity--[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'UUIDv4-shaped');
  assert.equal(JSON.parse(toJpAgain.json).created_by_ref, jp);
  assert.notEqual(JSON.parse(toOther.json).created_by_ref, jp);
  assert.notEqual(pseudonymId(Buffer.alloc(32, 8), 'jpcert', SUBMITTER), jp, 'another node key, another pseudonym');
  assert.deepEqual(toJp.pseudonyms, [{ original: SUBMITTER, pseudonym: jp }]);
  assert.deepEqual(toJp.identities, [pseudonymIdentity(jp)]);
  assert.equal(JSON.stringify(toJp).includes(SUBMITTER.slice(10)), true, 'the sender sees the mapping');
  assert.equal(toJp.json.includes(SUBMITTER), false, 'the recipient does not');
});

test('consent, or the recipient being the submitter, keeps created_by_ref', () => {
  for (const options of [base({ consent: new Set([SUBMITTER]) }), base({ recipientIdentities: new Set([SUBMITTER]) })]) {
    const result = passOutbound(phishing, options);
    assert.ok(result.kind === 'send');
    assert.equal(JSON.parse(result.json).created_by_ref, SUBMITTER);
    assert.deepEqual(result.identities, []);
  }
});

test("every reference to a non-consenting member is pseudonymised; other identities (a victim) are not; the member's identity object is withheld", () => {
  const victim = 'identity--c0000000-0000-4000-8000-000000000003';
  const sighting = {
    type: 'sighting',
    spec_version: '2.1',
    id: 'sighting--22222222-2222-4222-8222-222222222222',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    sighting_of_ref: phishing.id,
    where_sighted_refs: [SUBMITTER, victim],
  };
  const result = passOutbound(sighting, base());
  assert.ok(result.kind === 'send');
  assert.deepEqual(JSON.parse(result.json).where_sighted_refs, [pseudonymId(KEY, 'jpcert', SUBMITTER), victim]);
  const memberIdentity = { type: 'identity', spec_version: '2.1', id: SUBMITTER, created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', name: 'CERT-In', identity_class: 'organization' };
  const withheld = passOutbound(memberIdentity, base());
  assert.equal(withheld.kind, 'withhold');
  assert.equal(withheld.kind === 'withhold' && withheld.reasons[0]?.rule, 'submitter-identity');
  assert.equal(passOutbound(memberIdentity, base({ consent: new Set([SUBMITTER]) })).kind, 'send');
});

test('an object with nothing to change is sent byte for byte', () => {
  const text = `{"type":"indicator","spec_version":"2.1","id":"${phishing.id}",  "created":"2026-01-01T00:00:00.000Z","modified":"2026-01-01T00:00:00.000Z","pattern":"[ipv4-addr:value = '198.51.100.7']","pattern_type":"stix","valid_from":"2026-01-01T00:00:00Z"}`;
  const result = passOutbound(text, base());
  assert.ok(result.kind === 'send');
  assert.equal(result.json, text);
});

test('profiles decide: Aadhaar is held under IN; My Number is withheld under JP; withhold wins over hold', () => {
  const note = (text: string) => ({ type: 'note', spec_version: '2.1', id: 'note--33333333-3333-4333-8333-333333333333', created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', content: text, object_refs: [phishing.id] });
  const aadhaar = '2341 2341 2346';
  const held = passOutbound(note(`UID ${aadhaar}`), base());
  assert.equal(held.kind, 'hold');
  assert.deepEqual(held.kind === 'hold' && held.reasons.map((r) => [r.rule, r.kind, r.path, r.match]), [['pii-hold', 'aadhaar', '$.content', aadhaar]]);
  const myNumber = '1234-5678-9018';
  const jp = passOutbound(note(`UID ${aadhaar}, 個人番号 ${myNumber}`), base({ profile: JP }));
  assert.equal(jp.kind, 'withhold');
  assert.deepEqual(jp.kind === 'withhold' && jp.reasons.map((r) => r.rule), ['pii-withhold', 'pii-hold']);
});

test('a review release turns holds into allow (as-is) or redact (redacted)', () => {
  const note = { type: 'note', spec_version: '2.1', id: 'note--33333333-3333-4333-8333-333333333333', created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', content: 'UID 2341 2341 2346, mail a.person@example.in', object_refs: [phishing.id] };
  const asIs = passOutbound(note, base({ release: 'as-is' }));
  assert.ok(asIs.kind === 'send');
  assert.equal(JSON.parse(asIs.json).content, 'UID 2341 2341 2346, mail [REDACTED:email]', 'only the held finding is released as is');
  const redacted = passOutbound(note, base({ release: 'redacted' }));
  assert.ok(redacted.kind === 'send');
  assert.equal(JSON.parse(redacted.json).content, 'UID [REDACTED:aadhaar], mail [REDACTED:email]');
});

test('personal SCOs: held under IN; a redact action withholds them (their id encodes the value); the threat SCO goes as is', () => {
  const victim = { type: 'email-addr', spec_version: '2.1', id: 'email-addr--44444444-4444-5444-8444-444444444444', value: 'staff@victim.example' };
  assert.equal(passOutbound(victim, base()).kind, 'hold');
  const redactAll: JurisdictionProfile = { ...IN, id: 'X', actions: { ...IN.actions, 'email-addr': 'redact' } };
  const out = passOutbound(victim, base({ profile: redactAll }));
  assert.ok(out.kind === 'withhold' && out.reasons[0]?.rule === 'pii-object');
  const sender = { ...victim, value: 'billing@paypa1-secure.example' };
  const threat = passOutbound(JSON.stringify(sender), base({ threats: threatContextOf([phishing]) }));
  assert.ok(threat.kind === 'send');
  assert.equal(threat.json, JSON.stringify(sender));
});

test('an individual identity has its name redacted', () => {
  const person = { type: 'identity', spec_version: '2.1', id: 'identity--d0000000-0000-4000-8000-000000000004', created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', name: 'Priya Sharma', identity_class: 'individual' };
  const result = passOutbound(person, base());
  assert.ok(result.kind === 'send');
  assert.equal(JSON.parse(result.json).name, '[REDACTED:individual-name]');
});

test('property: a personal address written anywhere in free text never reaches the recipient, in any defanged form', () => {
  const word = fc.stringMatching(/^[a-z]{2,8}$/);
  const atForms = fc.constantFrom('@', '[at]', '(at)', ' [at] ', '{at}');
  const dotForms = fc.constantFrom('.', '[.]', '(.)', ' [dot] ');
  const filler = fc.stringMatching(/^[A-Za-z ,;:]{0,20}$/);
  fc.assert(
    fc.property(word, word, word, atForms, dotForms, filler, filler, (local, host, tld, at, dot, before, after) => {
      fc.pre(!['abuse', 'security', 'cert', 'soc', 'noc', 'info', 'admin', 'support', 'contact', 'report', 'csirt', 'psirt'].includes(local));
      const written = `${local}${at}${host}${dot}${tld}`;
      const object = { ...phishing, description: `${before} ${written} ${after}` };
      const result = passOutbound(object, base({ threats: threatContextOf([phishing]) }));
      if (result.kind !== 'send') return false;
      const sent = JSON.parse(result.json);
      return !sent.description.includes(written) && sent.description.includes('[REDACTED:email]') && sent.pattern === phishing.pattern;
    }),
    { numRuns: 1000 },
  );
});
