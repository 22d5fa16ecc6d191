// relationship SRO (section 5.1). Suggested (source, type, target) triples live in relationships.ts.
import { SDO_COMMON, MODIFIED_AFTER_CREATED } from '../common.js';
import type { TypeSpec } from '../spec.js';

export const relationship: TypeSpec = {
  type: 'relationship',
  category: 'sro',
  properties: {
    ...SDO_COMMON,
    relationship_type: { kind: 'string', required: true, format: 'relationship-type' },
    description: { kind: 'string' },
    source_ref: { kind: 'identifier', required: true, refs: 'sdo-or-sco' },
    target_ref: { kind: 'identifier', required: true, refs: 'sdo-or-sco' },
    start_time: { kind: 'timestamp' },
    stop_time: { kind: 'timestamp' },
  },
  rules: [
    MODIFIED_AFTER_CREATED,
    { rule: 'laterThan', later: 'stop_time', earlier: 'start_time', orEqual: false },
    { rule: 'special', check: 'relationship-types' },
  ],
};
