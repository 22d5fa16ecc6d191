// Replays ../shared/conformance/supplychain/vers.json (package-url/vers-spec tests):
//   comparison / equality   per-scheme version order: sort input.versions, compare with the
//                            expected order (nuget case-insensitively, as the README says); for
//                            equality, whether the versions compare equal
//   parse                   the canonical vers syntax, must-fail cases included
//   validate                read, sort stably by version, write back
//   containment             is this version inside this range
//   from_native             native range -> vers (versFromNative) for the schemes it reads;
//                            every other scheme is printed as its own skipped group with its count
// One agreement line per group and scheme, with a floor at the rate reached.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FROM_NATIVE_SCHEMES, compareVersions, normaliseVers, parseVers, versContains, versFromNative } from '../../src/supplychain/index.js';
import { loadVectorCases, percent, skipReason, vectorsAvailable } from './vectors.js';

const FILE = 'vers.json';

interface VersCase {
  readonly file: string;
  readonly test_group: 'required' | 'recommended';
  readonly test_type: 'comparison' | 'equality' | 'parse' | 'validate' | 'containment' | 'from_native';
  readonly input: unknown;
  readonly expected_output?: unknown;
  readonly expected_failure?: boolean;
}

/** Floors per "<test_type> <scheme>" line (fraction agreed). Never lowered. */
const FLOORS: Readonly<Record<string, number>> = {
  'comparison alpm': 1,
  'comparison apk': 1,
  'comparison conan': 1,
  'comparison datetime': 1,
  'comparison gentoo': 1,
  'comparison lexicographic': 1,
  'comparison maven': 1,
  'comparison nuget': 1,
  'comparison openssl': 1,
  'equality alpm': 1,
  'equality apk': 1,
  'equality conan': 1,
  'equality datetime': 1,
  'equality gentoo': 1,
  'equality maven': 1,
  'equality nuget': 1,
  'equality openssl': 1,
  'parse *': 1,
  'validate *': 1,
  'containment *': 1,
  'from_native npm': 0.9979,
  'from_native conan': 0.9956,
  'from_native gem': 1,
  'from_native nuget': 1,
  'from_native openssl': 1,
  'from_native pypi': 1,
};

const builtFromNative = (scheme: string): boolean => (FROM_NATIVE_SCHEMES as readonly string[]).includes(scheme);

function sortVersions(scheme: string, versions: readonly string[]): string[] | string {
  let problem: string | null = null;
  const sorted = [...versions].sort((a, b) => {
    const r = compareVersions(scheme, a, b);
    if (!r.ok) {
      problem ??= `${r.problem.input}: ${r.problem.rule}`;
      return 0;
    }
    return r.value.relation === '<' ? -1 : r.value.relation === '>' ? 1 : 0;
  });
  return problem ?? sorted;
}

function agrees(c: VersCase): boolean {
  switch (c.test_type) {
    case 'comparison': {
      const input = c.input as { input_scheme: string; versions: string[] };
      const sorted = sortVersions(input.input_scheme, input.versions);
      if (typeof sorted === 'string') return false;
      const fold = (xs: readonly unknown[]): string => JSON.stringify(input.input_scheme === 'nuget' ? xs.map((x) => String(x).toLowerCase()) : xs);
      return fold(sorted) === fold(c.expected_output as unknown[]);
    }
    case 'equality': {
      const input = c.input as { input_scheme: string; versions: string[] };
      const [a, b] = input.versions;
      const r = compareVersions(input.input_scheme, a!, b!);
      return r.ok && (r.value.relation === '=') === c.expected_output;
    }
    case 'parse': {
      const r = parseVers(c.input as string);
      if (c.expected_failure) return !r.ok;
      const expected = c.expected_output as { scheme: string; version_constraints: [string, string][] };
      return r.ok && r.value.scheme === expected.scheme && JSON.stringify(r.value.constraints.map((k) => [k.comparator, k.version])) === JSON.stringify(expected.version_constraints);
    }
    case 'validate': {
      const r = normaliseVers(c.input as string);
      return c.expected_failure ? !r.ok : r.ok && r.value.canonical === c.expected_output;
    }
    case 'containment': {
      const input = c.input as { vers: string; version: string };
      const r = versContains(input.vers, input.version);
      return r.ok && r.value.inside === c.expected_output;
    }
    case 'from_native': {
      const input = c.input as { scheme: string; native_range: string };
      if (!builtFromNative(input.scheme)) return false;
      const r = versFromNative(input.scheme, input.native_range);
      return c.expected_failure ? !r.ok : r.ok && r.value.canonical === c.expected_output;
    }
  }
}

function lineOf(c: VersCase): string {
  if (c.test_type === 'comparison' || c.test_type === 'equality') return `${c.test_type} ${(c.input as { input_scheme: string }).input_scheme}`;
  if (c.test_type === 'from_native') return `from_native ${(c.input as { scheme: string }).scheme}`;
  return `${c.test_type} *`;
}

test('vers conformance (vers.json)', async (t) => {
  if (!vectorsAvailable(FILE)) {
    t.skip(skipReason(FILE));
    return;
  }
  const cases = loadVectorCases<VersCase>(FILE);
  const lines = new Map<string, { agreed: number; total: number; required: number; requiredAgreed: number; misses: string[] }>();
  for (const c of cases) {
    const key = lineOf(c);
    const line = lines.get(key) ?? { agreed: 0, total: 0, required: 0, requiredAgreed: 0, misses: [] };
    lines.set(key, line);
    line.total++;
    if (c.test_group === 'required') line.required++;
    if (c.test_type === 'from_native' && !builtFromNative((c.input as { scheme: string }).scheme)) continue;
    if (agrees(c)) {
      line.agreed++;
      if (c.test_group === 'required') line.requiredAgreed++;
    } else if (line.misses.length < 5) line.misses.push(`[${c.test_group}] ${JSON.stringify(c.input)} expected ${JSON.stringify(c.expected_output ?? 'failure')}`);
  }
  const run = [...lines].filter(([key]) => !key.startsWith('from_native ') || builtFromNative(key.split(' ')[1]!));
  const agreedAll = run.reduce((n, [, line]) => n + line.agreed, 0);
  const totalAll = run.reduce((n, [, line]) => n + line.total, 0);
  t.diagnostic(`vers total (groups run): agreement ${percent(agreedAll, totalAll)} of ${cases.length} cases`);
  for (const [key, line] of [...lines].sort(([x], [y]) => x.localeCompare(y))) {
    await t.test(key, (tt) => {
      const scheme = key.split(' ')[1]!;
      if (key.startsWith('from_native ') && !builtFromNative(scheme)) {
        tt.skip(`from_native for ${scheme} (its native range syntax -> vers) is not built yet: ${line.total} cases (${line.required} required) not run`);
        return;
      }
      tt.diagnostic(`${key}: agreement ${percent(line.agreed, line.total)}; ${line.required === 0 ? 'no required cases' : `required ${percent(line.requiredAgreed, line.required)}`}`);
      for (const miss of line.misses) tt.diagnostic(`  disagreement: ${miss}`);
      const floor = FLOORS[key];
      assert.ok(floor !== undefined, `a floor is set for ${key}`);
      assert.ok(line.agreed / line.total >= floor, `${key} at or above its floor ${floor}`);
    });
  }
});
