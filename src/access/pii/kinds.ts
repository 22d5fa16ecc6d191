// The kinds of personal data the outbound gate looks for, and the shape of one finding.
// Kinds are const data: profiles key their actions by PiiKind, so a new kind fails to compile
// until every profile says what to do with it.
import type { PathStep } from './json-path.js';

export const PII_KINDS = [
  /** An e-mail address of a person, written plainly or defanged (user[at]example[.]com). */
  'email',
  /** A telephone number (international, Indian or Japanese form; digits may be masked). */
  'phone',
  /** India's Aadhaar number: 12 digits, first 2-9, valid Verhoeff check digit. */
  'aadhaar',
  /** India's Permanent Account Number: AAAPA9999A. */
  'pan',
  /** Japan's Individual Number: 12 digits with a valid check digit. */
  'my-number',
  /** The name of an `identity` whose identity_class is individual. */
  'individual-name',
  /** A `user-account` SCO that is not the threat itself. */
  'user-account',
  /** An `email-addr` SCO that is not the threat itself. */
  'email-addr',
] as const;
export type PiiKind = (typeof PII_KINDS)[number];

/** Kinds that concern a whole SCO rather than a span of text. */
export const OBJECT_KINDS: ReadonlySet<PiiKind> = new Set<PiiKind>(['user-account', 'email-addr']);

/** Why a finding is left alone rather than acted upon. */
export const EXEMPTIONS = [
  /** Inside an indicator's `pattern`: the threat value itself. */
  'indicator-pattern',
  /** Equal to a literal of an indicator pattern in the same share (the threat value). */
  'threat-value',
  /** An SCO the share identifies as the threat (based-on, sighted observed-data, or marked). */
  'threat-object',
  /** A role mailbox (abuse@, security@, ...) of an organisation, not of an individual. */
  'role-mailbox',
] as const;
export type Exemption = (typeof EXEMPTIONS)[number];

/** One piece of personal data found in an object. */
export interface PiiFinding {
  readonly kind: PiiKind;
  /** JSONPath of the string property ('$' for a whole-object finding), e.g. $.external_references[0].description. */
  readonly path: string;
  /** The same position as steps ([] for a whole-object finding). */
  readonly steps: readonly PathStep[];
  /** The matched span [start, end) within that string (0..0 for whole-object findings). */
  readonly start: number;
  readonly end: number;
  /** The matched text as written (for whole-object findings, the SCO's identifying value). */
  readonly match: string;
  /** Present when the finding is the threat itself or not an individual's; such findings are never acted on. */
  readonly exempt?: Exemption;
}

/** A finding in one string, before it is placed at a JSON path. */
export interface TextMatch {
  readonly kind: PiiKind;
  readonly start: number;
  readonly end: number;
  readonly match: string;
  /** Lower-case, refanged form used to compare with threat values (e.g. user@example.com). */
  readonly normal: string;
}
