// How each format's status words map onto Setu's five statuses. Data tables keyed by each format's
// own vocabulary, so a word missing from a table fails to compile. Each row is argued in
// docs/supplychain.md from the format's specification.
import type { Status } from './model.js';

/** CSAF 2.0 section 3.2.3.9 product_status: the eight lists. */
export const CSAF_STATUS_LISTS = [
  'first_affected', 'first_fixed', 'fixed', 'known_affected', 'known_not_affected', 'last_affected', 'recommended', 'under_investigation',
] as const;
export type CsafStatusList = (typeof CSAF_STATUS_LISTS)[number];

export const CSAF_STATUS: { readonly [L in CsafStatusList]: Status } = {
  first_affected: 'affected',
  known_affected: 'affected',
  last_affected: 'affected',
  first_fixed: 'fixed',
  fixed: 'fixed',
  known_not_affected: 'not_affected',
  // A version the vendor recommends using: a statement about what to install, not about being affected.
  recommended: 'recommended',
  under_investigation: 'under_investigation',
};

/** OpenVEX 0.2.0 status labels. */
export const OPENVEX_STATUSES = ['not_affected', 'affected', 'fixed', 'under_investigation'] as const;
export type OpenVexStatus = (typeof OPENVEX_STATUSES)[number];

export const OPENVEX_STATUS: { readonly [S in OpenVexStatus]: Status } = {
  not_affected: 'not_affected',
  affected: 'affected',
  fixed: 'fixed',
  under_investigation: 'under_investigation',
};

/** CycloneDX 1.4–1.6 vulnerabilities[].analysis.state. */
export const CYCLONEDX_ANALYSIS_STATES = ['resolved', 'resolved_with_pedigree', 'exploitable', 'in_triage', 'false_positive', 'not_affected'] as const;
export type CycloneDxAnalysisState = (typeof CYCLONEDX_ANALYSIS_STATES)[number];

export const CYCLONEDX_ANALYSIS_STATUS: { readonly [S in CycloneDxAnalysisState]: Status } = {
  resolved: 'fixed',
  resolved_with_pedigree: 'fixed',
  exploitable: 'affected',
  in_triage: 'under_investigation',
  false_positive: 'not_affected',
  not_affected: 'not_affected',
};

/** CycloneDX vulnerabilities[].affects[].versions[].status. */
export const CYCLONEDX_AFFECTS_STATES = ['affected', 'unaffected', 'unknown'] as const;
export type CycloneDxAffectsState = (typeof CYCLONEDX_AFFECTS_STATES)[number];

export const CYCLONEDX_AFFECTS_STATUS: { readonly [S in CycloneDxAffectsState]: Status } = {
  affected: 'affected',
  unaffected: 'not_affected',
  unknown: 'under_investigation',
};

export function lookup<K extends string>(table: { readonly [k in K]: Status }, word: unknown): Status | undefined {
  return typeof word === 'string' && Object.hasOwn(table, word) ? table[word as K] : undefined;
}
