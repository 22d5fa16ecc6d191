// Compare two versions under one ecosystem's ordering. Every answer carries its proof (the
// scheme, the rule, each input with its normalised form); unreadable input comes back as a
// problem naming the input and the rule, never as a throw.
import { failure, success } from './errors.js';
import type { Outcome } from './errors.js';
import { SCHEMES, isSchemeName } from './versions/registry.js';
import type { SchemeName } from './versions/registry.js';

export type Relation = '<' | '=' | '>';

/** A version read under a scheme, ready to compare many times. */
export interface ParsedVersion {
  readonly scheme: SchemeName;
  readonly input: string;
  readonly normalised: string;
  readonly value: unknown;
}

export interface ComparisonProof {
  readonly scheme: SchemeName;
  readonly rule: string;
  readonly left: { readonly input: string; readonly normalised: string };
  readonly right: { readonly input: string; readonly normalised: string };
}

export interface VersionComparison {
  readonly relation: Relation;
  readonly proof: ComparisonProof;
}

/** Longer strings are refused before any scheme reads them (as the semver package does, at 256). */
export const MAX_VERSION_LENGTH = 256;

const RELATIONS = { '-1': '<', '0': '=', '1': '>' } as const satisfies Record<string, Relation>;

export function parseVersion(scheme: string, input: string): Outcome<ParsedVersion> {
  if (!isSchemeName(scheme)) return failure('SETU_ERR_SUPPLYCHAIN_UNSUPPORTED_SCHEME', input, `no version ordering for scheme "${scheme}"`, scheme);
  if (input.length > MAX_VERSION_LENGTH) return failure('SETU_ERR_SUPPLYCHAIN_INVALID_VERSION', input, `a version is at most ${MAX_VERSION_LENGTH} characters`, scheme);
  const parsed = SCHEMES[scheme].parse(input);
  if (!parsed.ok) return failure('SETU_ERR_SUPPLYCHAIN_INVALID_VERSION', input, parsed.rule, scheme);
  return success({ scheme, input, normalised: parsed.normalised, value: parsed.value });
}

/** Order two versions already read under the same scheme. */
export function compareParsed(a: ParsedVersion, b: ParsedVersion): VersionComparison {
  const order = SCHEMES[a.scheme].compare(a.value, b.value);
  return {
    relation: RELATIONS[order],
    proof: {
      scheme: a.scheme,
      rule: SCHEMES[a.scheme].rule,
      left: { input: a.input, normalised: a.normalised },
      right: { input: b.input, normalised: b.normalised },
    },
  };
}

export function compareVersions(scheme: string, a: string, b: string): Outcome<VersionComparison> {
  const left = parseVersion(scheme, a);
  if (!left.ok) return left;
  const right = parseVersion(scheme, b);
  if (!right.ok) return right;
  return success(compareParsed(left.value, right.value));
}
