// CPE 2.3 formatted strings (NISTIR 7695 section 6.2) and name matching (NISTIR 7696).
//   reading   "cpe:2.3:" then eleven attributes split at unquoted ':' (part vendor product version
//             update edition language sw_edition target_sw target_hw other); "*" is ANY, "-" is
//             NA; other values keep their quoting ("\." ...), may begin or end with unquoted "*"
//             or a run of "?", and hold no other unquoted special character.
//   comparing (NISTIR 7696 table 6-2, source attribute against target attribute)
//             source \ target   ANY        NA         value                      pattern
//             ANY               EQUAL      SUPERSET   SUPERSET                   SUPERSET
//             NA                SUBSET     EQUAL      DISJOINT                   UNDEFINED
//             value             SUBSET     DISJOINT   EQUAL if same, else        UNDEFINED
//                                                     DISJOINT
//             pattern           SUBSET     DISJOINT   SUPERSET if it matches,    UNDEFINED
//                                                     else DISJOINT
//             Values compare without regard to case; "*" matches any run of characters, "?" one.
//   names     the source matches the target (is a superset of it) when every attribute is
//             SUPERSET or EQUAL; names are EQUAL when every attribute is; DISJOINT when any is.
import { failure, success } from './errors.js';
import type { Outcome } from './errors.js';

export const CPE_ATTRIBUTES = ['part', 'vendor', 'product', 'version', 'update', 'edition', 'language', 'sw_edition', 'target_sw', 'target_hw', 'other'] as const;
export type CpeAttribute = (typeof CPE_ATTRIBUTES)[number];

export type CpeValue = { readonly kind: 'any' } | { readonly kind: 'na' } | { readonly kind: 'value'; readonly text: string; readonly pattern: boolean };
export type Cpe = { readonly [A in CpeAttribute]: CpeValue } & { readonly formatted: string };

export type CpeRelation = 'EQUAL' | 'SUPERSET' | 'SUBSET' | 'DISJOINT' | 'UNDEFINED';

export interface CpeMatch {
  /** The source (an advisory's CPE) names a set that holds the target (a component's CPE). */
  readonly matches: boolean;
  readonly relation: CpeRelation;
  readonly attributes: { readonly [A in CpeAttribute]: CpeRelation };
}

const invalid = (input: string, rule: string): Outcome<Cpe> => failure('SETU_ERR_SUPPLYCHAIN_INVALID_CPE', input, rule);

/** Split at ':' that are not quoted by a backslash. */
function splitUnquoted(s: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length) {
      current += c + s[i + 1]!;
      i++;
    } else if (c === ':') {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

function readValue(raw: string): CpeValue | string {
  if (raw === '*') return { kind: 'any' };
  if (raw === '-') return { kind: 'na' };
  if (raw === '') return 'an attribute is not empty (use "*" for ANY, "-" for NA)';
  const masked = raw.replace(/\\./g, 'x');
  if (raw.endsWith('\\') && masked.endsWith('\\')) return `"${raw}" ends with a lone backslash`;
  const bad = /[^A-Za-z0-9._\-*?x]/.exec(masked.replace(/\\/g, ''));
  if (bad !== null) return `"${raw}": the character "${bad[0]}" is quoted with a backslash`;
  if (!/^(\*|\?+)?[^*?]*(\*|\?+)?$/.test(masked)) return `"${raw}": unquoted "*" or a run of "?" stands only at the start or the end`;
  const pattern = /[*?]/.test(masked);
  return { kind: 'value', text: raw, pattern };
}

export function parseCpe(input: string): Outcome<Cpe> {
  if (!input.startsWith('cpe:2.3:')) return invalid(input, 'a CPE 2.3 formatted string begins with "cpe:2.3:"');
  const parts = splitUnquoted(input.slice('cpe:2.3:'.length));
  if (parts.length !== CPE_ATTRIBUTES.length) return invalid(input, `a CPE 2.3 formatted string has ${CPE_ATTRIBUTES.length} attributes after "cpe:2.3:", not ${parts.length}`);
  const values: Partial<Record<CpeAttribute, CpeValue>> = {};
  for (const [i, attribute] of CPE_ATTRIBUTES.entries()) {
    const v = readValue(parts[i]!);
    if (typeof v === 'string') return invalid(input, `${attribute}: ${v}`);
    values[attribute] = v;
  }
  const part = values.part!;
  if (part.kind === 'value' && !part.pattern && !/^[aho]$/i.test(part.text)) return invalid(input, 'part is "a" (application), "o" (operating system) or "h" (hardware)');
  return success({ ...(values as { [A in CpeAttribute]: CpeValue }), formatted: input });
}

const unquote = (s: string): string => s.replace(/\\(.)/g, '$1').toLowerCase();

function patternMatches(pattern: string, value: string): boolean {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') source += pattern[++i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (c === '*') source += '.*';
    else if (c === '?') source += '.';
    else source += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'is').test(unquote(value));
}

export function compareCpeValues(source: CpeValue, target: CpeValue): CpeRelation {
  if (source.kind === 'any') return target.kind === 'any' ? 'EQUAL' : 'SUPERSET';
  if (target.kind === 'value' && target.pattern) return 'UNDEFINED';
  if (source.kind === 'na') return target.kind === 'any' ? 'SUBSET' : target.kind === 'na' ? 'EQUAL' : 'DISJOINT';
  if (target.kind === 'any') return 'SUBSET';
  if (target.kind === 'na') return 'DISJOINT';
  if (source.pattern) return patternMatches(source.text, target.text) ? 'SUPERSET' : 'DISJOINT';
  return unquote(source.text) === unquote(target.text) ? 'EQUAL' : 'DISJOINT';
}

/** Whether the source name (an advisory's) matches the target name (a component's). */
export function matchCpe(source: Cpe, target: Cpe): CpeMatch {
  const attributes = Object.fromEntries(CPE_ATTRIBUTES.map((a) => [a, compareCpeValues(source[a], target[a])])) as { [A in CpeAttribute]: CpeRelation };
  const all = Object.values(attributes);
  const relation: CpeRelation = all.every((r) => r === 'EQUAL')
    ? 'EQUAL'
    : all.includes('DISJOINT')
      ? 'DISJOINT'
      : all.includes('UNDEFINED')
        ? 'UNDEFINED'
        : all.every((r) => r === 'EQUAL' || r === 'SUPERSET')
          ? 'SUPERSET'
          : all.every((r) => r === 'EQUAL' || r === 'SUBSET')
            ? 'SUBSET'
            : 'UNDEFINED';
  return { matches: relation === 'EQUAL' || relation === 'SUPERSET', relation, attributes };
}

/** The same name with ANY as its version (the identity a version range is then applied to). */
export function withoutVersion(cpe: Cpe): Cpe {
  return { ...cpe, version: { kind: 'any' }, update: { kind: 'any' } };
}
