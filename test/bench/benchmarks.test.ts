// `npm run bench` runs every benchmark: the table bench/run-all.ts runs names every script in
// bench/ that is not a declared helper, and every name in it is a script.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { BENCHMARKS, NOT_BENCHMARKS } from '../../bench/lib/benchmarks.js';

const scripts = readdirSync(new URL('../../bench/', import.meta.url))
  .filter((name) => name.endsWith('.ts'))
  .map((name) => name.slice(0, -'.ts'.length))
  .sort();

test('every script in bench/ is a benchmark run by npm run bench, or a helper with a stated reason', () => {
  const listed = [...Object.keys(BENCHMARKS), ...Object.keys(NOT_BENCHMARKS)].sort();
  assert.deepEqual(listed, scripts);
  for (const [name, why] of Object.entries(NOT_BENCHMARKS)) assert.ok(why.length > 10, `${name} says why it is not run`);
});

test('every benchmark says what it measures and how --quick scales it down', () => {
  for (const [name, bench] of Object.entries(BENCHMARKS)) {
    assert.ok(bench.what.length > 10, name);
    assert.ok(Array.isArray(bench.quick), name);
  }
});
