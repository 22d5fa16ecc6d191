// The vers range syntax (package-url/vers-spec): "vers:<scheme>/<constraint>|<constraint>...",
// a constraint being an optional comparator (<, <=, >, >=, =, !=; none means =) and a
// percent-encoded version, or "*" alone for every version. parseVers accepts only the canonical
// form (no whitespace, no empty constraints, sorted by version, canonical percent-encoding);
// normaliseVers reads the same syntax without the sort rule and writes it sorted.
import { failure, success } from '../errors.js';
import type { Outcome } from '../errors.js';
import { compareParsed, parseVersion } from '../compare.js';
import type { ParsedVersion } from '../compare.js';

export const VERS_COMPARATORS = ['<=', '>=', '!=', '<', '>', '='] as const;
export type VersComparator = (typeof VERS_COMPARATORS)[number];

export interface VersConstraint {
  readonly comparator: VersComparator;
  /** The version, percent-decoded. */
  readonly version: string;
  /** The constraint as written in the range. */
  readonly text: string;
}

export interface VersRange {
  readonly scheme: string;
  /** True for "vers:<scheme>/*": every version. */
  readonly all: boolean;
  readonly constraints: readonly VersConstraint[];
  /** The range written back in canonical form. */
  readonly canonical: string;
}

const problem = <T>(input: string, rule: string, scheme?: string): Outcome<T> => failure('SETU_ERR_SUPPLYCHAIN_INVALID_VERS', input, rule, scheme);

function decode(input: string, raw: string, scheme: string): Outcome<string> {
  if (/%(?![0-9A-Fa-f]{2})/.test(raw)) return problem(input, 'non-canonical VERS: invalid percent-encoding in version', scheme);
  if (/%(?:[0-9A-F][a-f]|[a-f][0-9A-Fa-f])/.test(raw)) return problem(input, 'non-canonical VERS: percent-encoding in version is not canonical', scheme);
  if (scheme === 'datetime') {
    if (/%3A/.test(raw)) return problem(input, 'non-canonical VERS: datetime time colons must be unencoded', scheme);
    if (/[tz]/.test(raw)) return problem(input, 'non-canonical VERS: datetime must use uppercase T and Z', scheme);
  }
  try {
    return success(decodeURIComponent(raw));
  } catch {
    return problem(input, 'non-canonical VERS: invalid percent-encoding in version', scheme);
  }
}

function readConstraint(input: string, text: string, scheme: string): Outcome<VersConstraint> {
  const comparator = VERS_COMPARATORS.find((c) => text.startsWith(c)) ?? '=';
  const raw = text.startsWith(comparator) ? text.slice(comparator.length) : text;
  if (raw === '') return problem(input, `a constraint "${text}" has a version after its comparator`, scheme);
  const version = decode(input, raw, scheme);
  if (!version.ok) return version;
  return success({ comparator, version: version.value, text });
}

interface Read {
  readonly scheme: string;
  readonly all: boolean;
  readonly constraints: readonly VersConstraint[];
}

function read(input: string): Outcome<Read> {
  if (/\s/.test(input)) return problem(input, 'non-canonical VERS: whitespace is not permitted');
  const m = /^vers:([a-z0-9.+-]+)\/(.*)$/.exec(input);
  if (!m) return problem(input, 'a vers range is "vers:<lowercase scheme>/<constraints>"');
  const scheme = m[1]!;
  const body = m[2]!;
  if (body === '') return problem(input, 'a vers range has at least one constraint', scheme);
  if (body === '*') return success({ scheme, all: true, constraints: [] });
  if (body.startsWith('|')) return problem(input, 'non-canonical VERS: leading pipe is not permitted', scheme);
  if (body.endsWith('|')) return problem(input, 'non-canonical VERS: trailing pipe is not permitted', scheme);
  if (body.includes('||')) return problem(input, 'non-canonical VERS: consecutive pipes are not permitted', scheme);
  const constraints: VersConstraint[] = [];
  for (const text of body.split('|')) {
    if (text === '*') return problem(input, '"*" stands alone: it cannot be combined with other constraints', scheme);
    const c = readConstraint(input, text, scheme);
    if (!c.ok) return c;
    constraints.push(c.value);
  }
  return success({ scheme, all: false, constraints });
}

function write(scheme: string, all: boolean, constraints: readonly VersConstraint[]): string {
  return `vers:${scheme}/${all ? '*' : constraints.map((c) => c.text).join('|')}`;
}

/** Read each constraint's version under the scheme (an unsupported scheme or bad version is a problem). */
export function parsedVersions(range: Read, input: string): Outcome<ParsedVersion[]> {
  const out: ParsedVersion[] = [];
  for (const c of range.constraints) {
    const v = parseVersion(range.scheme, c.version);
    if (!v.ok) return v.problem.code === 'SETU_ERR_SUPPLYCHAIN_UNSUPPORTED_SCHEME' ? v : problem(input, `constraint "${c.text}": ${v.problem.rule}`, range.scheme);
    out.push(v.value);
  }
  return success(out);
}

/** Parse a vers range that must already be canonical (constraints sorted by version). */
export function parseVers(input: string): Outcome<VersRange> {
  const r = read(input);
  if (!r.ok) return r;
  const canonical = write(r.value.scheme, r.value.all, r.value.constraints);
  // One constraint has no order to check: its version need not be readable under the scheme yet.
  if (r.value.constraints.length < 2) return success({ ...r.value, canonical });
  const versions = parsedVersions(r.value, input);
  if (!versions.ok) return versions;
  for (let i = 1; i < versions.value.length; i++) {
    if (compareParsed(versions.value[i - 1]!, versions.value[i]!).relation === '>') return problem(input, 'non-canonical VERS: constraints are not sorted by version', r.value.scheme);
  }
  return success({ ...r.value, canonical });
}

/** Read a vers range in any constraint order and give it back canonical (stably sorted by version). */
export function normaliseVers(input: string): Outcome<VersRange> {
  const r = read(input);
  if (!r.ok) return r;
  const versions = parsedVersions(r.value, input);
  if (!versions.ok) return versions;
  const order = r.value.constraints.map((c, i) => ({ c, v: versions.value[i]!, i }));
  order.sort((x, y) => {
    const rel = compareParsed(x.v, y.v).relation;
    return rel === '<' ? -1 : rel === '>' ? 1 : x.i - y.i;
  });
  const constraints = order.map((o) => o.c);
  return success({ scheme: r.value.scheme, all: r.value.all, constraints, canonical: write(r.value.scheme, r.value.all, constraints) });
}
