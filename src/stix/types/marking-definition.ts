// marking-definition (section 7.2): statement and TLP 1.0 definitions, or an extension (TLP 2.0).
import { EXTERNAL_REFERENCE, GRANULAR_MARKINGS } from '../common.js';
import type { TypeSpec } from '../spec.js';

export const markingDefinition: TypeSpec = {
  type: 'marking-definition',
  category: 'meta',
  properties: {
    type: { kind: 'string', required: true },
    spec_version: { kind: 'string', required: true, enumeration: 'spec-version' },
    id: { kind: 'identifier', required: true },
    created_by_ref: { kind: 'identifier', refs: ['identity'] },
    created: { kind: 'timestamp', required: true, precision: 'millisecond-or-finer' },
    external_references: EXTERNAL_REFERENCE,
    object_marking_refs: { kind: 'identifier', list: true, refs: ['marking-definition'] },
    granular_markings: GRANULAR_MARKINGS,
    extensions: { kind: 'extensions' },
    name: { kind: 'string' },
    definition_type: { kind: 'string' },
    definition: { kind: 'any' },
  },
  rules: [{ rule: 'dependsOn', prop: 'definition_type', requires: 'definition' }, { rule: 'special', check: 'marking-definition' }],
};
