// Replays the STIX 2.1 cases of the reference pattern validator (cti-pattern-validator) through
// checkPattern and measures verdict agreement. Vectors: ../shared/conformance/patterns.json.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { checkPattern } from '../../src/pattern/index.js';

const VECTORS = new URL('../../../shared/conformance/patterns.json', import.meta.url);
/** Agreement reached; the test fails if a change lowers it. */
const FLOOR = 1.0;

interface ValidatorCase {
  pattern: string;
  stix_version: string;
  valid: boolean;
  errors: string[];
}

test('pattern validator conformance (STIX 2.1 cases of patterns.json)', (t) => {
  if (!existsSync(VECTORS)) {
    t.skip('conformance vectors not found at ../shared/conformance/patterns.json');
    return;
  }
  const cases = (JSON.parse(readFileSync(VECTORS, 'utf8')) as { cases: ValidatorCase[] }).cases.filter((c) => c.stix_version === '2.1');
  const disagreements: string[] = [];
  let positionsCompared = 0;
  let positionsAgreed = 0;
  for (const c of cases) {
    const result = checkPattern(c.pattern);
    if (result.valid !== c.valid) disagreements.push(`${c.valid ? 'valid' : 'invalid'} per reference: ${c.pattern}`);
    // Reference positions are "line L:C" with a 0-based column; ours are 1-based.
    const reference = /line (\d+):(\d+)/.exec(c.errors[0] ?? '');
    const ours = result.errors[0];
    if (reference && ours && !c.errors[0]?.includes('missing square brackets')) {
      positionsCompared++;
      if (Number(reference[1]) === ours.line && Number(reference[2]) + 1 === ours.column) positionsAgreed++;
    }
  }
  const rate = (cases.length - disagreements.length) / cases.length;
  t.diagnostic(`verdict agreement ${(rate * 100).toFixed(2)}% (${cases.length - disagreements.length}/${cases.length})`);
  t.diagnostic(`error position agreement ${positionsAgreed}/${positionsCompared}`);
  for (const d of disagreements) t.diagnostic(`disagreement: ${d}`);
  assert.ok(rate >= FLOOR, `agreement ${rate} fell below ${FLOOR}`);
});
