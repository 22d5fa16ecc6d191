// The error codes of supply-chain matching. Bad input (a purl, version or vers range that cannot
// be read) is never thrown: it comes back as a SupplyChainProblem naming the input and the rule.
export const SUPPLYCHAIN_ERRORS = {
  SETU_ERR_SUPPLYCHAIN_INVALID_PURL: 'a package URL cannot be parsed or built under the purl specification (the problem names the input and the rule)',
  SETU_ERR_SUPPLYCHAIN_INVALID_VERSION: 'a version string cannot be read under its ecosystem\'s version scheme (the problem names the scheme, the input and the rule)',
  SETU_ERR_SUPPLYCHAIN_INVALID_VERS: 'a vers range is not in the canonical vers syntax (whitespace, empty or unsorted constraints, bad percent-encoding)',
  SETU_ERR_SUPPLYCHAIN_UNSUPPORTED_SCHEME: 'no version ordering is built for this ecosystem or vers scheme yet',
  SETU_ERR_SUPPLYCHAIN_UNREADABLE_DOCUMENT: 'an SBOM or advisory document is not of the shape its format requires (the finding names the document, the path and the rule)',
  SETU_ERR_SUPPLYCHAIN_UNREADABLE_COMPONENT: 'an SBOM component or advisory product cannot be identified or versioned (unregistered purl type, no version, a version its scheme cannot read)',
  SETU_ERR_SUPPLYCHAIN_UNKNOWN_ECOSYSTEM: 'an OSV ecosystem name (or its suffix) is not one Setu maps to a purl type and version scheme',
  SETU_ERR_SUPPLYCHAIN_UNMATCHABLE_RANGE: 'an advisory range cannot be compared with a package version (an OSV GIT range names commits, not versions)',
  SETU_ERR_SUPPLYCHAIN_CSAF_INVALID: 'a CSAF 2.0 document fails the schema or a mandatory test of the CSAF validator (the finding names the test, the path and the message)',
  SETU_ERR_SUPPLYCHAIN_INVALID_CPE: 'a CPE 2.3 formatted string cannot be read under NISTIR 7695 (eleven attributes, quoting, wildcards)',
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

export type Severity = 'error' | 'warning';

/** A returned finding about a document: which document, where in it (a JSON path), which rule. */
export interface Finding {
  readonly code: SupplyChainErrorCode;
  readonly document: string;
  readonly path: string;
  readonly rule: string;
  readonly severity: Severity;
}

export function finding(code: SupplyChainErrorCode, document: string, path: string, rule: string, severity: Severity = 'error'): Finding {
  return { code, document, path, rule, severity };
}
