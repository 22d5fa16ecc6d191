// amendCase: a report attached or a pause recorded makes a new, valid version of the same incident
// (later `modified`, everything else kept); the clock turns done or paused; a version that is not
// later than the current one is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validate } from '../../src/stix/index.js';
import { BUILT_IN_RULES, INCIDENT_CORE_EXTENSION_ID, amendCase, buildIncident, clocksFor, readCase } from '../../src/incidents/index.js';
import { isSetuError } from '../../src/errors/index.js';
import { facts } from './facts.js';

const TLP_AMBER = 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82';
const original = () => {
  const o = buildIncident({
    id: 'incident--2b3c4d5e-6f70-4182-9a3b-4c5d6e7f8091',
    name: 'Breach at a Japanese retailer',
    at: '2027-04-01T02:00:00Z',
    createdByRef: 'identity--0b4c9a2e-7d15-4f3a-9e6b-2c8d1f0a3b5e',
    markingRefs: [TLP_AMBER],
    determination: 'suspected',
    investigationStatus: 'new',
    facts: facts({ types: ['data-leak'], personalData: true, victimCountry: 'JP', awareAt: '2027-04-01T10:00:00+09:00' }),
  });
  (o['extensions'] as Record<string, Record<string, unknown>>)[INCIDENT_CORE_EXTENSION_ID]!['incident_types'] = ['data-leak', 'exfiltration'];
  return o;
};

test('attaching what was sent makes a new valid version and the clock done; the rest is kept', () => {
  const before = original();
  const after = amendCase(before, { report: { rule: 'JP-APPI-PRELIM', sentAt: '2027-04-03T09:00:00+09:00', evidence: 'PPC receipt 2027-0403-551' }, investigationStatus: 'open' }, '2027-04-03T01:00:00Z');
  assert.deepEqual(validate(after).errors, []);
  assert.equal(after['id'], before['id']);
  assert.equal(after['created'], before['created']);
  assert.equal(after['modified'], '2027-04-03T01:00:00.000Z');
  assert.deepEqual(after['object_marking_refs'], [TLP_AMBER]);
  assert.equal(after['created_by_ref'], before['created_by_ref']);
  const core = (after['extensions'] as Record<string, Record<string, unknown>>)[INCIDENT_CORE_EXTENSION_ID];
  assert.deepEqual(core?.['incident_types'], ['data-leak', 'exfiltration']);
  assert.equal(core?.['investigation_status'], 'open');
  const clocks = clocksFor(readCase(after).facts, BUILT_IN_RULES, Date.parse('2027-04-28T00:00:00Z'));
  assert.equal(clocks.find((c) => c.rule === 'JP-APPI-PRELIM')?.state, 'done');
  assert.equal(clocks.find((c) => c.rule === 'JP-APPI-FINAL-30')?.state, 'due-soon');
  assert.equal(clocksFor(readCase(before).facts, BUILT_IN_RULES, Date.parse('2027-04-28T00:00:00Z')).find((c) => c.rule === 'JP-APPI-PRELIM')?.state, 'overdue');
});

test('a pause is recorded; the version must be later than the current one', () => {
  const paused = amendCase(original(), { pause: { rule: 'JP-APPI-FINAL-30', basis: 'court-order', from: '2027-04-02T00:00:00Z' } }, '2027-04-02T00:00:00Z');
  assert.equal(readCase(paused).facts.pauses.length, 1);
  assert.throws(() => amendCase(paused, { determination: 'confirmed' }, '2027-04-02T00:00:00Z'), (e: unknown) => isSetuError(e) && e.code === 'SETU_ERR_INCIDENTS_BAD_FACTS' && /later than the current one/.test(e.message));
  assert.throws(() => amendCase(paused, { determination: 'confirmed' }, 'tomorrow'), /RFC 3339/);
  assert.throws(() => amendCase(paused, { report: { rule: 'JP-APPI-PRELIM', sentAt: '2027-04-03T00:00:00Z', evidence: '' } }, '2027-04-03T00:00:00Z'), /evidence/);
});
