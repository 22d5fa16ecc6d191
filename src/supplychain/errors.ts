// The error codes of supply-chain matching. Bad input (a purl, version or vers range that cannot
// be read) is never thrown: it comes back as a SupplyChainProblem naming the input and the rule.
export const SUPPLYCHAIN_ERRORS = {
  SETU_ERR_SUPPLYCHAIN_INVALID_PURL: 'a package URL cannot be parsed or built under the purl specification (the problem names the input and the rule)',
  SETU_ERR_SUPPLYCHAIN_INVALID_VERSION: 'a version string cannot be read under its ecosystem\'s version scheme (the problem names the scheme, the input and the rule)',
  SETU_ERR_SUPPLYCHAIN_INVALID_VERS: 'a vers range is not in the canonical vers syntax (whitespace, empty or unsorted constraints, bad percent-encoding)',
  SETU_ERR_SUPPLYCHAIN_UNSUPPORTED_SCHEME: 'no version ordering is built for this ecosystem or vers scheme yet',
} as const;

export type SupplyChainErrorCode = keyof typeof SUPPLYCHAIN_ERRORS;

/** A returned (never thrown) problem: the input that could not be read and the rule it broke. */
export interface SupplyChainProblem {
  readonly code: SupplyChainErrorCode;
  readonly input: string;
  readonly rule: string;
  /** The version scheme or purl type concerned, when known. */
  readonly scheme?: string;
}

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: SupplyChainProblem };

export function success<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function failure<T>(code: SupplyChainErrorCode, input: string, rule: string, scheme?: string): Outcome<T> {
  return { ok: false, problem: scheme === undefined ? { code, input, rule } : { code, input, rule, scheme } };
}
