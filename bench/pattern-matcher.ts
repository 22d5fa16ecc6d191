// Evaluates every STIX 2.1 case of ../shared/conformance/matcher.json N times and prints the total
// time, with patterns compiled once (as detect/ uses them) and, for contrast, parsed and compiled on
// every evaluation. Run: node --import tsx bench/pattern-matcher.ts [N]
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { compilePattern, matchPattern, parsePattern } from '../src/pattern/index.js';
import type { CompiledPattern, ObservedData } from '../src/pattern/index.js';

const ROUNDS = Number(process.argv[2] ?? 200);
const VECTORS = new URL('../../shared/conformance/matcher.json', import.meta.url);

if (!existsSync(VECTORS)) {
  console.log('matcher.json not found at ../shared/conformance/; nothing to measure');
  process.exit(0);
}

interface Case {
  text: string;
  compiled: CompiledPattern;
  observed: ObservedData[];
  scos: Map<string, Record<string, unknown>>;
}

const raw = JSON.parse(readFileSync(VECTORS, 'utf8')) as {
  cases: { pattern: string; stix_version: string; observed_data: { objects: Record<string, unknown>[] }[] }[];
};
const cases: Case[] = [];
for (const c of raw.cases) {
  if (c.stix_version !== '2.1') continue;
  const parsed = parsePattern(c.pattern);
  if (!parsed.ok) continue;
  let compiled: CompiledPattern;
  try {
    compiled = compilePattern(parsed.ast);
  } catch {
    continue;
  }
  const observed: ObservedData[] = [];
  const scos = new Map<string, Record<string, unknown>>();
  for (const bundle of c.observed_data) {
    for (const object of bundle.objects) {
      if (object['type'] === 'observed-data') observed.push(object as unknown as ObservedData);
      else scos.set(object['id'] as string, object);
    }
  }
  cases.push({ text: c.pattern, compiled, observed, scos });
}

function evaluate(c: Case, recompile: boolean): boolean {
  let compiled = c.compiled;
  if (recompile) {
    const parsed = parsePattern(c.text);
    if (!parsed.ok) return false;
    compiled = compilePattern(parsed.ast);
  }
  try {
    return matchPattern(compiled, c.observed, c.scos).matched;
  } catch {
    return false;
  }
}

for (const c of cases) evaluate(c, false); // warm-up
let matched = 0;
const t0 = performance.now();
for (let r = 0; r < ROUNDS; r++) for (const c of cases) if (evaluate(c, false)) matched++;
const compiledOnce = performance.now() - t0;
const t1 = performance.now();
for (let r = 0; r < ROUNDS; r++) for (const c of cases) evaluate(c, true);
const recompiled = performance.now() - t1;

const evaluations = ROUNDS * cases.length;
console.log(`cases               ${cases.length} evaluable STIX 2.1 cases x ${ROUNDS} rounds = ${evaluations} evaluations (${matched / ROUNDS} match per round)`);
console.log(`compiled once       ${compiledOnce.toFixed(0)} ms total, ${((compiledOnce * 1000) / evaluations).toFixed(1)} µs per evaluation`);
console.log(`parse+compile each  ${recompiled.toFixed(0)} ms total, ${((recompiled * 1000) / evaluations).toFixed(1)} µs per evaluation`);
console.log(`ratio               compile-once is ${(recompiled / compiledOnce).toFixed(2)}x faster`);
