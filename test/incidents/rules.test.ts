// The reporting rules as data: every built-in cites a clause and a source and is well formed by the
// same parser that reads DIR/jurisdictions.json; the file adds and replaces rules, and every broken
// field is refused naming the file, the rule and the field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUILT_IN_RULES, CERT_IN_ANNEXURE_I, INCIDENT_TYPES, INCIDENT_TYPE_LABELS, parseReportingRules } from '../../src/incidents/index.js';
import { isSetuError } from '../../src/errors/index.js';

const FILE = '/data/jurisdictions.json';

test('the built-ins: unique ids, a clause, a source and a status each; they survive the parser unchanged', () => {
  const ids = BUILT_IN_RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const r of BUILT_IN_RULES) {
    assert.ok(r.clause.length > 10 && r.source.length > 10 && r.law.length > 10, r.id);
    assert.ok(r.status === 'in-force' || r.status === 'enacted-not-in-force', r.id);
  }
  const roundTrip = parseReportingRules({ reportingRules: BUILT_IN_RULES.map((r) => JSON.parse(JSON.stringify(r))) }, FILE);
  assert.deepEqual(roundTrip, BUILT_IN_RULES);
  assert.deepEqual(parseReportingRules({}, FILE), BUILT_IN_RULES);
});

test('Annexure I has twenty entries, every type has a label', () => {
  assert.equal(CERT_IN_ANNEXURE_I.length, 20);
  for (const t of INCIDENT_TYPES) assert.ok(INCIDENT_TYPE_LABELS[t].length > 0);
});

const extra = {
  id: 'SG-CSA-2H',
  jurisdiction: 'SG',
  authority: 'Cyber Security Agency',
  recipient: 'CSA',
  report: 'incident notification',
  law: 'an example law',
  clause: 'an example clause',
  source: 'a test fixture',
  status: 'in-force',
  trigger: { victimCountries: ['SG'], sectors: ['sg-energy'] },
  deadline: { kind: 'hours', hours: 2 },
  warnHours: 1,
};

test('the file adds a rule after the built-ins and replaces one with the same id', () => {
  const rules = parseReportingRules({ reportingRules: [extra, { ...extra, id: 'IN-CERTIN-6H', trigger: { victimCountries: ['IN'] } }] }, FILE);
  assert.equal(rules.length, BUILT_IN_RULES.length + 1);
  assert.equal(rules.at(-1)?.id, 'SG-CSA-2H');
  assert.equal(rules.at(-1)?.soft, false);
  assert.deepEqual(rules.at(-1)?.pauseBases, []);
  assert.equal(rules[0]?.authority, 'Cyber Security Agency');
});

test('every broken field is refused naming the file, the rule and the field', () => {
  const cases: Array<[unknown, string]> = [
    [{ reportingRules: {} }, 'reportingRules'],
    [{ reportingRules: [{ ...extra, deadline: { kind: 'weeks', weeks: 1 } }] }, 'deadline.kind'],
    [{ reportingRules: [{ ...extra, deadline: { kind: 'hours', hours: 0 } }] }, 'deadline.hours'],
    [{ reportingRules: [{ ...extra, deadline: { kind: 'calendar-days', days: 30, zone: 'Europe/Paris' } }] }, 'deadline.zone'],
    [{ reportingRules: [{ ...extra, deadline: null }] }, 'deadline'],
    [{ reportingRules: [{ ...extra, status: 'pending' }] }, 'status'],
    [{ reportingRules: [{ ...extra, inForceFrom: '1 May 2027' }] }, 'inForceFrom'],
    [{ reportingRules: [{ ...extra, trigger: { victimCountries: ['sg'] } }] }, 'trigger.victimCountries'],
    [{ reportingRules: [{ ...extra, trigger: { victimCountries: ['SG'], incidentTypes: ['ransomware'] } }] }, 'trigger.incidentTypes[0]'],
    [{ reportingRules: [{ ...extra, trigger: { victimCountries: ['SG'], personalData: 'yes' } }] }, 'trigger.personalData'],
    [{ reportingRules: [{ ...extra, trigger: { victimCountries: ['SG'], country: 'SG' } }] }, 'trigger.country'],
    [{ reportingRules: [{ ...extra, warnHours: -1 }] }, 'warnHours'],
    [{ reportingRules: [{ ...extra, pauseBases: [''] }] }, 'pauseBases'],
    [{ reportingRules: [{ ...extra, authority: '' }] }, 'authority'],
    [{ reportingRules: [{ ...extra, dueHours: 2 }] }, 'dueHours'],
    [{ reportingRules: [extra, extra] }, 'id'],
  ];
  for (const [value, field] of cases) {
    assert.throws(
      () => parseReportingRules(value, FILE),
      (e: unknown) => isSetuError(e) && e.code === 'SETU_ERR_INCIDENTS_BAD_RULE' && e.details['field'] === field && e.message.startsWith(FILE),
      field,
    );
  }
  assert.throws(() => parseReportingRules({ reportingRules: [{ ...extra, soft: 'no' }] }, FILE), /reporting rule SG-CSA-2H: soft/);
});

test('an enacted rule with no deadline is accepted (it never runs)', () => {
  const rules = parseReportingRules({ reportingRules: [{ ...extra, status: 'enacted-not-in-force', deadline: null }] }, FILE);
  assert.equal(rules.at(-1)?.deadline, null);
});
