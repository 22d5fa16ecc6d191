// Whether a component's version lies inside one statement's range, with the proof:
//   vers          the vers containment algorithm (vers/contains.ts), under the range's scheme
//   osv           OSV's rule: events sorted by version ("0" lowest), read in order; an introduced
//                 at or below the version opens, a fixed at or below it closes, a last_affected
//                 below it closes; inside when open at the end
//   versions      equal to one listed version under the scheme
//   exact         equal to the version under the component's scheme (text equality without one)
//   unversioned   every version: inside
//   git, text     cannot be compared with a package version: undecided
import { compareParsed, parseVersion } from '../compare.js';
import type { ParsedVersion } from '../compare.js';
import type { Outcome } from '../errors.js';
import { versContains } from '../vers/contains.js';
import { SCHEMES, isSchemeName } from '../versions/registry.js';
import type { AffectedRange, OsvEvent } from '../advisory/model.js';

/** How versions are read: parseVersion, or a caller's memo of it (the matcher reads each bound once per run). */
export type VersionReader = (scheme: string, input: string) => Outcome<ParsedVersion>;

/** A memo of parseVersion for one run: the same (scheme, version) is read once. */
export function memoReader(): VersionReader {
  const seen = new Map<string, Outcome<ParsedVersion>>();
  return (scheme, input) => {
    const key = `${scheme}\u0000${input}`;
    let read = seen.get(key);
    if (read === undefined) {
      read = parseVersion(scheme, input);
      seen.set(key, read);
    }
    return read;
  };
}

export interface RangeProof {
  readonly range: string;
  readonly scheme?: string;
  readonly rule?: string;
  readonly version: { readonly input: string; readonly normalised?: string };
  readonly decidedBy: readonly string[];
  readonly normalised?: Readonly<Record<string, string>>;
  readonly reason: string;
}

export type RangeAnswer = { readonly decided: true; readonly inside: boolean; readonly proof: RangeProof } | { readonly decided: false; readonly reason: string; readonly range: string };

export function describeRange(range: AffectedRange): string {
  switch (range.kind) {
    case 'vers':
      return range.vers;
    case 'osv':
      return `OSV ${range.type} (${range.scheme}) ${range.events.map(eventText).join(', ')}`;
    case 'git':
      return `OSV GIT ${range.repo} ${range.events.map(eventText).join(', ')}`;
    case 'versions':
      return `versions (${range.scheme}) ${range.versions.join(', ')}`;
    case 'exact':
      return `= ${range.version}`;
    case 'text':
      return `product_version_range "${range.text}"`;
    case 'unversioned':
      return 'every version';
  }
}

function eventText(e: OsvEvent): string {
  const [key, value] = Object.entries(e)[0] ?? ['?', '?'];
  return `${key} ${value}`;
}

const undecided = (range: AffectedRange, reason: string): RangeAnswer => ({ decided: false, reason, range: describeRange(range) });

function osvInside(range: AffectedRange & { kind: 'osv' }, v: ParsedVersion, read: VersionReader): RangeAnswer {
  const events: { e: OsvEvent; p?: ParsedVersion }[] = [];
  for (const e of range.events) {
    if (e.limit !== undefined) continue;
    if (e.introduced === '0') {
      events.push({ e });
      continue;
    }
    const p = read(range.scheme, e.introduced ?? e.fixed ?? e.last_affected ?? '');
    if (!p.ok) return undecided(range, p.problem.rule);
    events.push({ e, p: p.value });
  }
  events.sort((a, b) => (a.p === undefined ? (b.p === undefined ? 0 : -1) : b.p === undefined ? 1 : ({ '<': -1, '=': 0, '>': 1 } as const)[compareParsed(a.p, b.p).relation]));
  let inside = false;
  let decided: OsvEvent[] = [];
  for (const { e, p } of events) {
    const rel = p === undefined ? '>' : compareParsed(v, p).relation;
    if (e.introduced !== undefined && rel !== '<') [inside, decided] = [true, [e]];
    else if (e.fixed !== undefined && rel !== '<') [inside, decided] = [false, [...decided, e]];
    else if (e.last_affected !== undefined && rel === '>') [inside, decided] = [false, [...decided, e]];
  }
  const version = { input: v.input, normalised: v.normalised };
  const proof = { range: describeRange(range), scheme: range.scheme, rule: SCHEMES[v.scheme].rule, version, decidedBy: decided.map(eventText) };
  // Outside answers (most of them in a large run) carry no per-bound normal forms: nothing is matched on them.
  if (!inside) return { decided: true, inside, proof: { ...proof, reason: decided.length === 0 ? 'below every introduced event' : 'closed by a fixed or last_affected event at or below the version' } };
  const normalised = Object.fromEntries(events.filter((r) => r.p).map((r) => [eventText(r.e), r.p!.normalised]));
  return { decided: true, inside, proof: { ...proof, normalised, reason: 'an introduced event at or below the version is not closed by a fixed or last_affected event' } };
}

/** Is `version` (of a component whose purl type is `type`) inside the range? */
export function rangeContains(range: AffectedRange, version: string | undefined, type: string | undefined, read: VersionReader = parseVersion): RangeAnswer {
  if (range.kind === 'unversioned') return { decided: true, inside: true, proof: { range: 'every version', version: { input: version ?? '' }, decidedBy: [], reason: 'the statement names the product without a version' } };
  if (range.kind === 'git' || range.kind === 'text') return undecided(range, range.kind === 'git' ? 'a GIT range names commits, not versions' : 'a product_version_range that is not vers is not compared');
  if (version === undefined) return undecided(range, 'the component has no version');
  if (range.kind === 'vers') {
    const c = versContains(range.vers, version);
    if (!c.ok) return undecided(range, c.problem.rule);
    const p = c.value.proof;
    return { decided: true, inside: c.value.inside, proof: { range: p.range, scheme: p.scheme, rule: p.rule, version: p.version, decidedBy: p.decidedBy, normalised: p.normalisedConstraints, reason: p.reason } };
  }
  const scheme = range.kind === 'exact' ? type : range.scheme;
  if (scheme === undefined || !isSchemeName(scheme)) {
    if (range.kind !== 'exact') return undecided(range, `no version ordering for ${scheme ?? 'this component'}`);
    const inside = range.version === version;
    return { decided: true, inside, proof: { range: describeRange(range), version: { input: version }, decidedBy: [range.version], reason: inside ? 'the same version text (no scheme to compare under)' : 'a different version text (no scheme to compare under)' } };
  }
  const v = read(scheme, version);
  if (!v.ok) return undecided(range, v.problem.rule);
  if (range.kind === 'osv') return osvInside(range, v.value, read);
  const listed = range.kind === 'exact' ? [range.version] : range.versions;
  const normalised: Record<string, string> = {};
  for (const l of listed) {
    const p = read(scheme, l);
    if (!p.ok) continue;
    normalised[l] = p.value.normalised;
    if (compareParsed(v.value, p.value).relation === '=') {
      return { decided: true, inside: true, proof: { range: describeRange(range), scheme, rule: SCHEMES[scheme].rule, version: { input: version, normalised: v.value.normalised }, decidedBy: [l], normalised, reason: 'equal to a listed version' } };
    }
  }
  return { decided: true, inside: false, proof: { range: describeRange(range), scheme, rule: SCHEMES[scheme].rule, version: { input: version, normalised: v.value.normalised }, decidedBy: [], normalised, reason: 'equal to no listed version' } };
}
