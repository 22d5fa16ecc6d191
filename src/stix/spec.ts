// The data model every type is declared in: property tables, cross-property rules and, for SCOs,
// id-contributing properties. One generic walker (walker.ts) interprets these tables.
import type { OpenVocabName, EnumName } from './vocab/index.js';
import type { FormatName } from './formats.js';
import type { SpecialCheckName } from './special.js';

export const PROPERTY_KINDS = [
  'string', 'integer', 'number', 'boolean', 'timestamp', 'identifier', 'dictionary', 'hashes',
  'binary', 'hex', 'object', 'extensions', 'any',
] as const;
export type PropertyKind = (typeof PROPERTY_KINDS)[number];

export const CATEGORIES = ['sdo', 'sro', 'sco', 'meta'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Allowed targets of a reference: explicit type names, or a whole category. */
export type RefTarget = readonly string[] | 'any' | 'sco' | 'sdo-or-custom' | 'sdo-or-sco' | 'sco-or-sro';

export interface PropertySpec {
  readonly kind: PropertyKind;
  readonly required?: boolean;
  /** The value is a non-empty list whose items are of `kind`. */
  readonly list?: boolean;
  /** Open vocabulary: off-list values draw a warning. */
  readonly vocab?: OpenVocabName;
  /** Closed enumeration: off-list values are errors. */
  readonly enumeration?: EnumName;
  /** For identifiers: which object types may be referenced. */
  readonly refs?: RefTarget;
  /**
   * Timestamp precision: 'millisecond' = exactly three fraction digits; 'millisecond-or-finer' =
   * at least three (created / modified: "the minimum precision MUST be milliseconds", section 3.2).
   */
  readonly precision?: 'millisecond' | 'millisecond-or-finer';
  readonly min?: number;
  readonly max?: number;
  /** A named string format (address, URL, MIME type, ...); see formats.ts. */
  readonly format?: FormatName;
  /** For kind 'object': the nested property table and its rules. */
  readonly properties?: PropertyTable;
  readonly rules?: readonly Rule[];
  /** For kind 'dictionary': the kind every value must have. */
  readonly values?: PropertyKind;
  /** For kind 'dictionary': every value is a non-empty list of `values` (email header fields). */
  readonly valueList?: boolean;
  /** For kind 'any': dedicated code checks the value (a bundle's objects), so the walker leaves it alone. */
  readonly opaque?: boolean;
}

export type PropertyTable = Readonly<Record<string, PropertySpec>>;

/** Cross-property rules, declared as data. */
export type Rule =
  | { readonly rule: 'atLeastOne'; readonly props: readonly string[] }
  | { readonly rule: 'mutuallyExclusive'; readonly props: readonly string[] }
  | { readonly rule: 'dependsOn'; readonly prop: string; readonly requires: string }
  | { readonly rule: 'laterThan'; readonly later: string; readonly earlier: string; readonly orEqual: boolean }
  | { readonly rule: 'forbiddenWhen'; readonly prop: string; readonly when: string; readonly equals: unknown }
  | { readonly rule: 'requiredWhen'; readonly prop: string; readonly when: string; readonly equals: unknown }
  | { readonly rule: 'recommended'; readonly props: readonly string[]; readonly code: 'STIX_INDICATOR_PROPERTIES' | 'STIX_NETWORK_TRAFFIC_PORTS' | 'STIX_EXTENSION_DESCRIPTION' }
  | { readonly rule: 'special'; readonly check: SpecialCheckName };

export const RULE_KINDS = ['atLeastOne', 'mutuallyExclusive', 'dependsOn', 'laterThan', 'forbiddenWhen', 'requiredWhen', 'recommended', 'special'] as const;
export type RuleKind = Rule['rule'];

export interface TypeSpec {
  readonly type: string;
  readonly category: Category;
  readonly properties: PropertyTable;
  readonly rules?: readonly Rule[];
  /** SCOs: the properties whose canonical JSON names the UUIDv5 (section 2.9); [] = none (UUIDv4). */
  readonly idContributing?: readonly string[];
  /** SCOs: the predefined extensions and their property tables. */
  readonly extensions?: Readonly<Record<string, { readonly properties: PropertyTable; readonly rules?: readonly Rule[] }>>;
  /** Properties deprecated in 2.1 (warning when present). */
  readonly deprecated?: readonly string[];
}
