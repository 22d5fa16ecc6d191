// Shared property tables spread into every type spec (sections 3.2, 5.x, 7.x) and the shared
// nested types (external-reference, kill-chain-phase, granular-marking).
import type { PropertySpec, PropertyTable } from './spec.js';

export const EXTERNAL_REFERENCE: PropertySpec = {
  kind: 'object',
  list: true,
  properties: {
    source_name: { kind: 'string', required: true },
    description: { kind: 'string' },
    url: { kind: 'string', format: 'url' },
    hashes: { kind: 'hashes' },
    external_id: { kind: 'string' },
  },
  rules: [{ rule: 'atLeastOne', props: ['description', 'url', 'external_id'] }, { rule: 'special', check: 'external-reference-ids' }],
};

export const KILL_CHAIN_PHASES: PropertySpec = {
  kind: 'object',
  list: true,
  properties: {
    kill_chain_name: { kind: 'string', required: true },
    phase_name: { kind: 'string', required: true },
  },
  rules: [{ rule: 'special', check: 'kill-chain-names' }],
};

export const GRANULAR_MARKINGS: PropertySpec = {
  kind: 'object',
  list: true,
  properties: {
    lang: { kind: 'string', format: 'language' },
    marking_ref: { kind: 'identifier', refs: ['marking-definition'] },
    selectors: { kind: 'string', list: true, required: true, format: 'selector' },
  },
  rules: [{ rule: 'atLeastOne', props: ['lang', 'marking_ref'] }, { rule: 'mutuallyExclusive', props: ['lang', 'marking_ref'] }],
};

const MARKING_REFS: PropertySpec = { kind: 'identifier', list: true, refs: ['marking-definition'] };

/** SDO and SRO common properties (section 3.2). */
export const SDO_COMMON: PropertyTable = {
  type: { kind: 'string', required: true },
  spec_version: { kind: 'string', required: true, enumeration: 'spec-version' },
  id: { kind: 'identifier', required: true },
  // Section 3.2 describes created_by_ref as "the id property of the identity object" but states no
  // MUST about the referenced type, and the OASIS JSON schemas and cti-stix-validator accept any
  // identifier. By our severity rule (MUST = error, SHOULD = warning) a non-identity target is
  // therefore no finding; the trust model attributes objects by the submitting organisation, not
  // by this property, so nothing downstream relies on it naming an identity.
  created_by_ref: { kind: 'identifier' },
  created: { kind: 'timestamp', required: true, precision: 'millisecond-or-finer' },
  modified: { kind: 'timestamp', required: true, precision: 'millisecond-or-finer' },
  revoked: { kind: 'boolean' },
  labels: { kind: 'string', list: true },
  confidence: { kind: 'integer', min: 0, max: 100 },
  lang: { kind: 'string', format: 'language' },
  external_references: EXTERNAL_REFERENCE,
  object_marking_refs: MARKING_REFS,
  granular_markings: GRANULAR_MARKINGS,
  extensions: { kind: 'extensions' },
};

/** The modified >= created rule every versioned object carries. */
export const MODIFIED_AFTER_CREATED = { rule: 'laterThan', later: 'modified', earlier: 'created', orEqual: true } as const;

/** SCO common properties (section 6.1). */
export const SCO_COMMON: PropertyTable = {
  type: { kind: 'string', required: true },
  spec_version: { kind: 'string', enumeration: 'spec-version' },
  id: { kind: 'identifier', required: true },
  object_marking_refs: MARKING_REFS,
  granular_markings: GRANULAR_MARKINGS,
  defanged: { kind: 'boolean' },
  extensions: { kind: 'extensions' },
};

/** Properties reserved by the specification: they MUST NOT appear (section 3.1 / 11). */
export const RESERVED_PROPERTIES: ReadonlySet<string> = new Set(['severity', 'action', 'username', 'phone_numbers']);

/** Object type names reserved by the specification for future use. */
export const RESERVED_TYPES: ReadonlySet<string> = new Set(['action']);
