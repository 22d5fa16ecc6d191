// Properties of clocksFor over random facts, rules and times: a due time is never before awareness;
// adding a pause never brings a due time earlier; a clock with a report attached is done whatever
// the time, never overdue; later `now` never turns an overdue clock back to running.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BUILT_IN_RULES, INCIDENT_TYPES, clocksFor, type ClockPause, type IncidentFacts, type ReportingRule } from '../../src/incidents/index.js';

const START = Date.parse('2022-01-01T00:00:00Z');
const SPAN = 8 * 365 * 86_400_000;
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

// Every built-in made pausable on a basis 'test-basis', plus the built-ins as they are.
const PAUSABLE: ReportingRule[] = BUILT_IN_RULES.map((r) => ({ ...r, pauseBases: ['test-basis'] }));
const RULE_IDS = BUILT_IN_RULES.map((r) => r.id);

const arbFacts = fc.record({
  types: fc.subarray([...INCIDENT_TYPES], { minLength: 1 }),
  personalData: fc.boolean(),
  victimCountry: fc.constantFrom('IN', 'JP', 'SG'),
  designatedOperator: fc.boolean(),
  unlawfulAct: fc.boolean(),
  aware: fc.integer({ min: START, max: START + SPAN }),
});

const arbPause = (aware: number): fc.Arbitrary<ClockPause> =>
  fc.record({
    rule: fc.constantFrom(...RULE_IDS),
    basis: fc.constantFrom('test-basis', 'other'),
    from: fc.integer({ min: aware - 10 * HOUR, max: aware + 90 * 24 * HOUR }).map(iso),
    length: fc.option(fc.integer({ min: 0, max: 30 * 24 * HOUR }), { nil: undefined }),
  }).map(({ rule, basis, from, length }) => ({ rule, basis, from, ...(length === undefined ? {} : { until: iso(Date.parse(from) + length) }) }));

type Drawn = typeof arbFacts extends fc.Arbitrary<infer T> ? T : never;

const toFacts = (f: Drawn, pauses: ClockPause[] = []): IncidentFacts => ({
  types: f.types,
  personalData: f.personalData,
  victimCountry: f.victimCountry,
  designatedOperator: f.designatedOperator,
  unlawfulAct: f.unlawfulAct,
  awareAt: iso(f.aware),
  reports: [],
  pauses,
});

test('property: due >= awareness for every applicable clock', () => {
  fc.assert(
    fc.property(arbFacts, fc.integer({ min: 0, max: 100 * 24 * HOUR }), (f, later) => {
      for (const c of clocksFor(toFacts(f), BUILT_IN_RULES, f.aware + later)) {
        if (c.due !== null) assert.ok(Date.parse(c.due) >= f.aware, `${c.rule} due ${c.due} before ${iso(f.aware)}`);
      }
    }),
  );
});

test('property: pausing never shortens a clock', () => {
  fc.assert(
    fc.property(arbFacts.chain((f) => fc.tuple(fc.constant(f), fc.array(arbPause(f.aware), { maxLength: 4 }), arbPause(f.aware))), fc.integer({ min: 0, max: 120 * 24 * HOUR }), ([f, pauses, extra], later) => {
      const now = f.aware + later;
      const before = clocksFor(toFacts(f, pauses), PAUSABLE, now);
      const after = clocksFor(toFacts(f, [...pauses, extra]), PAUSABLE, now);
      before.forEach((c, i) => {
        const d = after[i]?.due ?? null;
        if (c.due !== null && d !== null) assert.ok(Date.parse(d) >= Date.parse(c.due), `${c.rule}: ${d} < ${c.due}`);
      });
    }),
  );
});

test('property: a done report never turns overdue, whatever the time', () => {
  fc.assert(
    fc.property(arbFacts, fc.integer({ min: 0, max: 200 * 24 * HOUR }), fc.integer({ min: 0, max: 400 * 24 * HOUR }), (f, sentAfter, later) => {
      const reports = RULE_IDS.map((rule) => ({ rule, sentAt: iso(f.aware + sentAfter), evidence: 'sent' }));
      for (const c of clocksFor({ ...toFacts(f), reports }, BUILT_IN_RULES, f.aware + later)) {
        assert.ok(c.state === 'done' || c.state === 'not-applicable', `${c.rule} is ${c.state}`);
      }
    }),
  );
});

test('property: without a report or pause, an overdue clock stays overdue as time passes', () => {
  fc.assert(
    fc.property(arbFacts, fc.integer({ min: 0, max: 100 * 24 * HOUR }), fc.integer({ min: 0, max: 100 * 24 * HOUR }), (f, t1, dt) => {
      const a = clocksFor(toFacts(f), BUILT_IN_RULES, f.aware + t1);
      const b = clocksFor(toFacts(f), BUILT_IN_RULES, f.aware + t1 + dt);
      a.forEach((c, i) => {
        if (c.state === 'overdue') assert.equal(b[i]?.state, 'overdue');
      });
    }),
  );
});
