// Whether a version lies inside a vers range, by the vers-spec containment algorithm:
//   "*"                         every version is inside
//   equal to an "=" version     inside;   equal to a "!=" version   outside
//   no range constraints left   inside when there were "!=" constraints only, else outside
//   the range constraints (<, <=, >, >=), sorted by version, read in neighbouring pairs:
//     first is < or <=  and the version is below it          inside
//     last is > or >=   and the version is above it          inside
//     a > or >= followed by a < or <= that both hold         inside (an interval)
//   otherwise outside.
// The answer names the constraint(s) that decided it, with the normalised versions compared.
import { failure, success } from '../errors.js';
import type { Outcome } from '../errors.js';
import { compareParsed, parseVersion } from '../compare.js';
import type { ParsedVersion, Relation } from '../compare.js';
import { SCHEMES } from '../versions/registry.js';
import type { SchemeName } from '../versions/registry.js';
import { normaliseVers } from './parse.js';
import type { VersComparator, VersConstraint } from './parse.js';

export interface ContainmentProof {
  readonly scheme: SchemeName;
  readonly rule: string;
  readonly range: string;
  readonly version: { readonly input: string; readonly normalised: string };
  /** The constraints that decided the answer, as written in the range ("*" for all). */
  readonly decidedBy: readonly string[];
  /** Each constraint's version in normal form, keyed by the constraint as written. */
  readonly normalisedConstraints: Readonly<Record<string, string>>;
  readonly reason: string;
}

export interface Containment {
  readonly inside: boolean;
  readonly proof: ContainmentProof;
}

const HOLDS: { readonly [C in VersComparator]: (r: Relation) => boolean } = {
  '<': (r) => r === '<',
  '<=': (r) => r !== '>',
  '>': (r) => r === '>',
  '>=': (r) => r !== '<',
  '=': (r) => r === '=',
  '!=': (r) => r !== '=',
};

interface Bound {
  readonly c: VersConstraint;
  readonly v: ParsedVersion;
}

export function versContains(range: string, version: string): Outcome<Containment> {
  const r = normaliseVers(range);
  if (!r.ok) return r;
  const tested = parseVersion(r.value.scheme, version);
  if (!tested.ok) return tested;
  const bounds: Bound[] = [];
  for (const c of r.value.constraints) {
    const v = parseVersion(r.value.scheme, c.version);
    if (!v.ok) return failure('SETU_ERR_SUPPLYCHAIN_INVALID_VERS', range, v.problem.rule, r.value.scheme);
    bounds.push({ c, v: v.value });
  }
  const t = tested.value;
  const normalisedConstraints = Object.fromEntries(bounds.map((b) => [b.c.text, b.v.normalised]));
  const rule = SCHEMES[t.scheme].rule;
  const answer = (inside: boolean, decidedBy: readonly string[], reason: string): Outcome<Containment> =>
    success({ inside, proof: { scheme: t.scheme, rule, range: r.value.canonical, version: { input: t.input, normalised: t.normalised }, decidedBy, normalisedConstraints, reason } });
  const holds = (b: Bound): boolean => HOLDS[b.c.comparator](compareParsed(t, b.v).relation);

  if (r.value.all) return answer(true, ['*'], 'the range is "*": every version');
  for (const b of bounds) if (b.c.comparator === '=' && holds(b)) return answer(true, [b.c.text], 'equal to a listed version');
  for (const b of bounds) if (b.c.comparator === '!=' && !holds(b)) return answer(false, [b.c.text], 'equal to an excluded version');
  const ranges = bounds.filter((b) => b.c.comparator !== '=' && b.c.comparator !== '!=');
  if (ranges.length === 0) {
    const onlyExclusions = bounds.length > 0 && bounds.every((b) => b.c.comparator === '!=');
    return answer(onlyExclusions, bounds.map((b) => b.c.text), onlyExclusions ? 'not excluded, and only exclusions are listed' : 'not one of the listed versions');
  }
  const first = ranges[0]!;
  if ((first.c.comparator === '<' || first.c.comparator === '<=') && holds(first)) return answer(true, [first.c.text], 'below the lowest upper bound');
  const last = ranges[ranges.length - 1]!;
  if ((last.c.comparator === '>' || last.c.comparator === '>=') && holds(last)) return answer(true, [last.c.text], 'above the highest lower bound');
  for (let i = 0; i + 1 < ranges.length; i++) {
    const lo = ranges[i]!;
    const hi = ranges[i + 1]!;
    if ((lo.c.comparator === '>' || lo.c.comparator === '>=') && (hi.c.comparator === '<' || hi.c.comparator === '<=') && holds(lo) && holds(hi)) {
      return answer(true, [lo.c.text, hi.c.text], 'inside an interval');
    }
  }
  return answer(false, ranges.map((b) => b.c.text), 'outside every interval of the range');
}
