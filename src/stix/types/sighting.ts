// sighting SRO (section 5.2).
import { SDO_COMMON, MODIFIED_AFTER_CREATED } from '../common.js';
import type { TypeSpec } from '../spec.js';

export const sighting: TypeSpec = {
  type: 'sighting',
  category: 'sro',
  properties: {
    ...SDO_COMMON,
    description: { kind: 'string' },
    first_seen: { kind: 'timestamp' },
    last_seen: { kind: 'timestamp' },
    count: { kind: 'integer', min: 0, max: 999999999 },
    sighting_of_ref: { kind: 'identifier', required: true, refs: 'sdo-or-custom' },
    observed_data_refs: { kind: 'identifier', list: true, refs: ['observed-data'] },
    where_sighted_refs: { kind: 'identifier', list: true, refs: ['identity', 'location'] },
    summary: { kind: 'boolean' },
  },
  rules: [MODIFIED_AFTER_CREATED, { rule: 'laterThan', later: 'last_seen', earlier: 'first_seen', orEqual: true }],
};
