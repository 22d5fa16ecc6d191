// clocksFor: each state of the table in clocks.ts's header, late starts, reports attached, pauses
// honoured only on a basis the rule lists, rules not in force, and bad facts refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUILT_IN_RULES, clocksFor, type Clock, type ReportingRule } from '../../src/incidents/index.js';
import { isSetuError } from '../../src/errors/index.js';
import { facts } from './facts.js';

const ms = (s: string) => Date.parse(s);
const one = (id: string, list: Clock[]) => {
  const found = list.find((c) => c.rule === id);
  assert.ok(found, `no clock ${id}`);
  return found;
};

test('CERT-In: running, due-soon, overdue around the 6-hour mark', () => {
  const f = facts();
  assert.equal(one('IN-CERTIN-6H', clocksFor(f, BUILT_IN_RULES, ms('2027-06-01T11:00:00+05:30'))).state, 'running');
  assert.equal(one('IN-CERTIN-6H', clocksFor(f, BUILT_IN_RULES, ms('2027-06-01T14:00:00+05:30'))).state, 'due-soon');
  const c = one('IN-CERTIN-6H', clocksFor(f, BUILT_IN_RULES, ms('2027-06-01T16:00:00+05:30')));
  assert.equal(c.state, 'overdue');
  assert.equal(c.due, '2027-06-01T10:30:00.000Z');
  assert.equal(c.dueIst, '2027-06-01T16:00:00+05:30');
  assert.equal(c.dueJst, '2027-06-01T19:30:00+09:00');
  assert.equal(c.authority, 'CERT-In');
  assert.match(c.clause, /Direction \(ii\)/);
});

test('every rule gives a clock, in the order of the rules; those not triggered are not-applicable with a reason', () => {
  const list = clocksFor(facts({ victimCountry: 'JP' }), BUILT_IN_RULES, ms('2027-06-01T11:00:00+05:30'));
  assert.deepEqual(list.map((c) => c.rule), BUILT_IN_RULES.map((r) => r.id));
  const c = one('IN-CERTIN-6H', list);
  assert.equal(c.state, 'not-applicable');
  assert.equal(c.due, null);
  assert.match(c.reason, /country is JP/);
  assert.match(one('JP-APPI-PRELIM', list).reason, /no personal data/);
  assert.match(one('JP-ACD-OPERATOR', list).reason, /not a designated operator/);
});

test('a rule not yet in force at awareness does not apply; it does from its first day', () => {
  const pd = { personalData: true, types: ['personal-data-breach'] as const };
  const before = one('IN-DPDP-72H', clocksFor(facts({ ...pd, awareAt: '2027-05-12T23:00:00Z' }), BUILT_IN_RULES, ms('2027-05-13T00:00:00Z')));
  assert.equal(before.state, 'not-applicable');
  assert.match(before.reason, /not in force for incidents noticed before 2027-05-13/);
  const after = one('IN-DPDP-72H', clocksFor(facts({ ...pd, awareAt: '2027-05-13T00:00:00Z' }), BUILT_IN_RULES, ms('2027-05-13T01:00:00Z')));
  assert.equal(after.state, 'running');
  assert.equal(after.due, '2027-05-16T00:00:00.000Z');
});

test('the active cyber defence act: enacted, no deadline, never runs even for a designated operator', () => {
  const c = one('JP-ACD-OPERATOR', clocksFor(facts({ victimCountry: 'JP', designatedOperator: true }), BUILT_IN_RULES, ms('2027-06-02T00:00:00Z')));
  assert.equal(c.state, 'not-applicable');
  assert.match(c.reason, /enacted-not-in-force: the law fixes no deadline yet/);
});

test('a report attached makes the clock done, in time or late, and it stays done', () => {
  const sent = (sentAt: string) => facts({ reports: [{ rule: 'IN-CERTIN-6H', sentAt, evidence: 'CERT-In ack 2027/123' }] });
  const inTime = one('IN-CERTIN-6H', clocksFor(sent('2027-06-01T15:00:00+05:30'), BUILT_IN_RULES, ms('2027-07-01T00:00:00Z')));
  assert.equal(inTime.state, 'done');
  assert.match(inTime.reason, /in time/);
  const late = one('IN-CERTIN-6H', clocksFor(sent('2027-06-01T17:00:00+05:30'), BUILT_IN_RULES, ms('2027-07-01T00:00:00Z')));
  assert.equal(late.state, 'done');
  assert.match(late.reason, /1 h late/);
});

test('late start: awareness recorded after the fact does not move the start, and says so', () => {
  const f = facts({ recordedAt: '2027-06-01T15:00:00+05:30' });
  const c = one('IN-CERTIN-6H', clocksFor(f, BUILT_IN_RULES, ms('2027-06-01T15:00:00+05:30')));
  assert.equal(c.state, 'due-soon');
  assert.equal(c.dueIst, '2027-06-01T16:00:00+05:30');
  assert.match(c.reason, /recorded 5 h after/);
});

test('a pause on a basis the rule lists stops the clock and extends it; any other basis is ignored', () => {
  const pd = { personalData: true, types: ['personal-data-breach'] as const, awareAt: '2027-06-01T00:00:00Z' };
  const granted = facts({ ...pd, pauses: [{ rule: 'IN-DPDP-72H', basis: 'dpb-extension', from: '2027-06-02T00:00:00Z', until: '2027-06-04T00:00:00Z' }] });
  const during = one('IN-DPDP-72H', clocksFor(granted, BUILT_IN_RULES, ms('2027-06-03T00:00:00Z')));
  assert.equal(during.state, 'paused');
  assert.equal(during.due, '2027-06-06T00:00:00.000Z');
  assert.equal(one('IN-DPDP-72H', clocksFor(granted, BUILT_IN_RULES, ms('2027-06-05T13:00:00Z'))).state, 'due-soon');
  const open = facts({ ...pd, pauses: [{ rule: 'IN-DPDP-72H', basis: 'dpb-extension', from: '2027-06-02T00:00:00Z' }] });
  const openClock = one('IN-DPDP-72H', clocksFor(open, BUILT_IN_RULES, ms('2027-06-10T00:00:00Z')));
  assert.equal(openClock.state, 'paused');
  assert.equal(openClock.due, '2027-06-12T00:00:00.000Z');
  const wrong = facts({ pauses: [{ rule: 'IN-CERTIN-6H', basis: 'waiting for the vendor', from: '2027-06-01T11:00:00+05:30' }] });
  const c = one('IN-CERTIN-6H', clocksFor(wrong, BUILT_IN_RULES, ms('2027-06-01T17:00:00+05:30')));
  assert.equal(c.state, 'overdue');
  assert.match(c.reason, /pause on waiting for the vendor ignored: the rule allows no pause/);
});

test('a pause that starts after the clock ran out does not revive it; overlapping pauses count once', () => {
  const rule: ReportingRule = { ...(BUILT_IN_RULES[0] as ReportingRule), id: 'X', pauseBases: ['court-order'] };
  const late = facts({ pauses: [{ rule: 'X', basis: 'court-order', from: '2027-06-01T17:00:00+05:30' }] });
  assert.equal(clocksFor(late, [rule], ms('2027-06-01T18:00:00+05:30'))[0]?.state, 'overdue');
  const overlapping = facts({
    pauses: [
      { rule: 'X', basis: 'court-order', from: '2027-06-01T11:00:00+05:30', until: '2027-06-01T13:00:00+05:30' },
      { rule: 'X', basis: 'court-order', from: '2027-06-01T12:00:00+05:30', until: '2027-06-01T14:00:00+05:30' },
    ],
  });
  assert.equal(clocksFor(overlapping, [rule], ms('2027-06-01T14:00:00+05:30'))[0]?.dueIst, '2027-06-01T19:00:00+05:30');
});

test('bad facts are refused with SETU_ERR_INCIDENTS_BAD_FACTS naming the field', () => {
  const cases: Array<[Parameters<typeof facts>[0], RegExp]> = [
    [{ awareAt: '2027-06-01 10:00' }, /awareAt/],
    [{ awareAt: '2027-06-01T10:00:00' }, /awareAt/],
    [{ victimCountry: 'in' }, /victimCountry/],
    [{ types: ['ransomware' as never] }, /types\[0\]/],
    [{ reports: [{ rule: 'IN-CERTIN-6H', sentAt: '2027-06-01T11:00:00Z', evidence: ' ' }] }, /reports\[0\]\.evidence/],
    [{ pauses: [{ rule: 'IN-CERTIN-6H', basis: 'x', from: '2027-06-01T11:00:00Z', until: '2027-06-01T10:00:00Z' }] }, /pauses\[0\]\.until/],
    [{ pauses: [{ rule: 'IN-CERTIN-6H', basis: '', from: '2027-06-01T11:00:00Z' }] }, /pauses\[0\]\.basis/],
  ];
  for (const [over, field] of cases) {
    assert.throws(() => clocksFor(facts(over), BUILT_IN_RULES, 0), (e: unknown) => isSetuError(e) && e.code === 'SETU_ERR_INCIDENTS_BAD_FACTS' && field.test(e.message));
  }
});
