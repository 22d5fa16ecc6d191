// indexTermsOf over a generated mixed corpus (bench/lib/stix-objects.ts, fixed seed: indicators
// with patterns, SCOs, SDOs with external references, relationships, sightings), then
// searchKeysFor and parseQuery over values taken from it. Prints objects/s and terms per object.
// Run: node --import tsx bench/search-terms.ts [--objects N] [--rounds N] [--quick]
import { performance } from 'node:perf_hooks';
import { indexTermsOf, parseQuery, searchKeysFor } from '../src/search/index.js';
import { parseArgs } from './lib/args.js';
import { createStixGenerator } from './lib/stix-objects.js';

const SEED = 20261206;
const args = parseArgs();
const count = args.size('objects', 200_000, 100);
const rounds = args.int('rounds', 3);

const generator = createStixGenerator(SEED);
const objects: unknown[] = Array.from({ length: count }, () => JSON.parse(generator.next().json) as unknown);

// One untimed pass warms the JIT and collects the values the lookup figures use.
const values: string[] = [];
let terms = 0;
let fields = 0;
let findings = 0;
for (const object of objects) {
  const entries = indexTermsOf(object);
  terms += entries.terms.length;
  fields += entries.text.length;
  findings += entries.findings.length;
  for (const term of entries.terms) values.push(term.value);
}

let best = Infinity;
for (let round = 0; round < rounds; round++) {
  const start = performance.now();
  for (const object of objects) indexTermsOf(object);
  best = Math.min(best, performance.now() - start);
}

const lookups = values.slice(0, 50_000);
const keysStart = performance.now();
let keys = 0;
for (const value of lookups) keys += searchKeysFor(value).length;
const keysElapsed = performance.now() - keysStart;

const queries = lookups.map((value, i) => (i % 2 === 0 ? value : `${value} ransomware "lateral movement" tlp:amber`));
const queryStart = performance.now();
let refused = 0;
for (const q of queries) if (!parseQuery(q).ok) refused++;
const queryElapsed = performance.now() - queryStart;

const perSecond = (n: number, ms: number): string => Math.round((n / ms) * 1000).toLocaleString('en-US');
console.log(`corpus              ${count.toLocaleString('en-US')} objects (seed ${SEED}), best of ${rounds} rounds`);
console.log(`indexTermsOf        ${best.toFixed(0)} ms, ${perSecond(count, best)} objects/s, ${((best * 1000) / count).toFixed(2)} µs per object`);
console.log(`terms               ${(terms / count).toFixed(2)} exact-value terms and ${(fields / count).toFixed(2)} text fields per object, ${findings} findings`);
console.log(`searchKeysFor       ${lookups.length.toLocaleString('en-US')} values, ${perSecond(lookups.length, keysElapsed)} values/s, ${(keys / Math.max(1, lookups.length)).toFixed(1)} keys per value`);
console.log(`parseQuery          ${queries.length.toLocaleString('en-US')} queries, ${perSecond(queries.length, queryElapsed)} queries/s, ${refused} refused`);
