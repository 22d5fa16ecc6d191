// Properties of the engine over random subsets of the fixture world (a subset is what some reader
// may read): advice names only objects it was given, so it can never show what a reader may not
// read; and reading less never advises more.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { whatToDo, type StixObject, type WhatToDo } from '../../src/practices/index.js';
import { MITRE_LIKE, PARTNER, TATA_RED } from './fixture.js';

const WORLD: readonly StixObject[] = [...MITRE_LIKE, ...PARTNER, ...TATA_RED];
const LANGUAGES = ['en', 'ja', 'hi'] as const;

function namedIds(advice: WhatToDo): string[] {
  const ids = [advice.subject.id, ...advice.skipped.map((s) => s.id)];
  const text = (t: { translatedBy?: string }) => (t.translatedBy === undefined ? [] : [t.translatedBy]);
  for (const t of advice.techniques) {
    ids.push(t.id, ...text(t.text));
    for (const path of t.paths) for (const s of path) ids.push(s.from, s.to, ...(s.relationshipId === undefined ? [] : [s.relationshipId]));
    for (const m of t.mitigations) ids.push(m.id, m.relationshipId, ...text(m.text));
  }
  for (const p of advice.practices) ids.push(p.id, ...p.about, ...text(p.text));
  return ids;
}

const subsetAndSubject = fc
  .subarray([...WORLD], { minLength: 1 })
  .chain((objects) => fc.record({ objects: fc.constant(objects), subject: fc.constantFrom(...objects), language: fc.constantFrom(...LANGUAGES) }));

test('advice names only objects it was given (a reader never learns of one it may not read)', () => {
  fc.assert(
    fc.property(subsetAndSubject, ({ objects, subject, language }) => {
      const given = new Set(objects.map((o) => o['id']));
      const advice = whatToDo(objects, subject['id'] as string, language);
      assert.ok(advice);
      for (const id of namedIds(advice)) assert.ok(given.has(id), `${id} was not given`);
    }),
    { numRuns: 300 },
  );
});

test('reading less never advises more: techniques and mitigations from a subset are among those from the whole world', () => {
  fc.assert(
    fc.property(subsetAndSubject, ({ objects, subject }) => {
      const id = subject['id'] as string;
      const part = whatToDo(objects, id);
      const whole = whatToDo(WORLD, id);
      assert.ok(part && whole);
      const pairs = (a: WhatToDo) => new Set(a.techniques.flatMap((t) => [t.id, ...t.mitigations.map((m) => `${t.id} ${m.id}`)]));
      const all = pairs(whole);
      for (const pair of pairs(part)) assert.ok(all.has(pair), pair);
    }),
    { numRuns: 300 },
  );
});
