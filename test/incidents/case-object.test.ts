// A case as a STIX incident: the built object passes Setu's STIX validator with no error, carries
// the Incident Core Extension and the Setu case extension, and reads back to the same facts; the
// Setu extension definition is itself valid STIX; a broken incident is refused naming the path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validate } from '../../src/stix/index.js';
import { BUILT_IN_RULES, INCIDENT_CORE_EXTENSION_ID, SETU_CASE_EXTENSION, SETU_CASE_EXTENSION_ID, buildIncident, clocksFor, readCase, type CaseInput } from '../../src/incidents/index.js';
import { isSetuError } from '../../src/errors/index.js';
import { facts } from './facts.js';

const input: CaseInput = {
  id: 'incident--6b1f4c3e-2a7d-4e9b-8c10-5d3f2e1a0b9c',
  name: 'Ransomware at the Indian subsidiary of a Japanese manufacturer',
  description: 'Encrypted file servers; customer records copied out.',
  at: '2027-06-01T12:00:00+05:30',
  createdByRef: 'identity--0b4c9a2e-7d15-4f3a-9e6b-2c8d1f0a3b5e',
  determination: 'confirmed',
  investigationStatus: 'open',
  criticality: 80,
  facts: facts({
    types: ['malicious-code', 'data-breach'],
    personalData: true,
    unlawfulAct: true,
    sector: 'in-manufacturing',
    awareAt: '2027-06-01T10:00:00+05:30',
    recordedAt: '2027-06-01T11:30:00+05:30',
    reports: [{ rule: 'IN-CERTIN-6H', sentAt: '2027-06-01T15:00:00+05:30', evidence: 'CERT-In acknowledgement CERTIn-2027-0601-17' }],
    pauses: [{ rule: 'IN-DPDP-72H', basis: 'dpb-extension', from: '2027-06-02T00:00:00Z', until: '2027-06-03T00:00:00Z' }],
  }),
};

test('the built incident is valid STIX 2.1 with both extensions, timestamps in UTC', () => {
  const incident = buildIncident(input);
  const result = validate(incident);
  assert.deepEqual(result.errors, []);
  assert.equal(result.valid, true);
  const exts = incident['extensions'] as Record<string, Record<string, unknown>>;
  assert.equal(exts[INCIDENT_CORE_EXTENSION_ID]?.['determination'], 'confirmed');
  assert.deepEqual(exts[INCIDENT_CORE_EXTENSION_ID]?.['incident_types'], ['malicious-code', 'data-breach']);
  assert.equal(exts[SETU_CASE_EXTENSION_ID]?.['aware_at'], '2027-06-01T04:30:00.000Z');
  assert.equal(incident['created'], '2027-06-01T06:30:00.000Z');
});

test('the Setu case extension definition is valid STIX', () => {
  assert.deepEqual(validate(SETU_CASE_EXTENSION).errors, []);
});

test('read back: the same facts (as UTC instants) and the same clocks', () => {
  const back = readCase(JSON.parse(JSON.stringify(buildIncident(input))));
  assert.equal(back.id, input.id);
  assert.equal(back.name, input.name);
  assert.equal(back.determination, 'confirmed');
  assert.equal(back.investigationStatus, 'open');
  assert.equal(back.criticality, 80);
  assert.equal(Date.parse(back.facts.awareAt), Date.parse(input.facts.awareAt));
  assert.equal(back.facts.reports[0]?.evidence, 'CERT-In acknowledgement CERTIn-2027-0601-17');
  const now = Date.parse('2027-06-02T12:00:00Z');
  assert.deepEqual(clocksFor(back.facts, BUILT_IN_RULES, now), clocksFor(input.facts, BUILT_IN_RULES, now));
});

test('a minimal case: no optional fields written', () => {
  const incident = buildIncident({ id: input.id, name: 'x', at: '2027-06-01T00:00:00Z', determination: 'suspected', investigationStatus: 'new', facts: facts({ types: [] }) });
  assert.deepEqual(validate(incident).errors, []);
  const exts = incident['extensions'] as Record<string, Record<string, unknown>>;
  assert.deepEqual(Object.keys(exts[INCIDENT_CORE_EXTENSION_ID] ?? {}), ['extension_type', 'determination', 'investigation_status']);
  assert.equal(readCase(incident).facts.types.length, 0);
});

test('types from Incident Core\'s own vocabulary are kept out of the clock facts', () => {
  const incident = buildIncident(input);
  const core = (incident['extensions'] as Record<string, Record<string, unknown>>)[INCIDENT_CORE_EXTENSION_ID] as Record<string, unknown>;
  core['incident_types'] = ['malicious-code', 'exfiltration'];
  assert.deepEqual(readCase(incident).facts.types, ['malicious-code']);
});

test('bad input to the builder is refused', () => {
  assert.throws(() => buildIncident({ ...input, criticality: 101 }), (e: unknown) => isSetuError(e) && e.code === 'SETU_ERR_INCIDENTS_BAD_FACTS' && /criticality/.test(e.message));
  assert.throws(() => buildIncident({ ...input, at: 'yesterday' }), (e: unknown) => isSetuError(e) && /at/.test(e.message));
  assert.throws(() => buildIncident({ ...input, facts: facts({ victimCountry: 'India' }) }), /victimCountry/);
});

test('an object that is not a case is refused naming the path', () => {
  const good = () => JSON.parse(JSON.stringify(buildIncident(input))) as Record<string, any>;
  const cases: Array<[unknown, RegExp]> = [
    [{ type: 'indicator' }, /^type/],
    [(() => { const o = good(); delete o['extensions'][SETU_CASE_EXTENSION_ID]; return o; })(), /Setu case extension is missing/],
    [(() => { const o = good(); delete o['extensions'][INCIDENT_CORE_EXTENSION_ID]; return o; })(), /Incident Core Extension is missing/],
    [(() => { const o = good(); o['extensions'][INCIDENT_CORE_EXTENSION_ID]['determination'] = 'maybe'; return o; })(), /determination/],
    [(() => { const o = good(); o['extensions'][SETU_CASE_EXTENSION_ID]['personal_data'] = 'yes'; return o; })(), /personal_data/],
    [(() => { const o = good(); o['extensions'][SETU_CASE_EXTENSION_ID]['aware_at'] = 'soon'; return o; })(), /awareAt/],
    [(() => { const o = good(); o['extensions'][SETU_CASE_EXTENSION_ID]['reports_sent'] = [{ rule: 'x' }]; return o; })(), /reports_sent\[0\]\.sent_at/],
  ];
  for (const [object, message] of cases) {
    assert.throws(() => readCase(object), (e: unknown) => isSetuError(e) && e.code === 'SETU_ERR_INCIDENTS_NOT_AN_INCIDENT' && message.test(e.message), String(message));
  }
});
