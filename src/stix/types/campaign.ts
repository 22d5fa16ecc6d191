// campaign SDO (section 4.2).
import { SDO_COMMON, MODIFIED_AFTER_CREATED } from '../common.js';
import type { TypeSpec } from '../spec.js';

export const campaign: TypeSpec = {
  type: 'campaign',
  category: 'sdo',
  properties: {
    ...SDO_COMMON,
    name: { kind: 'string', required: true },
    description: { kind: 'string' },
    aliases: { kind: 'string', list: true },
    first_seen: { kind: 'timestamp' },
    last_seen: { kind: 'timestamp' },
    objective: { kind: 'string' },
  },
  rules: [MODIFIED_AFTER_CREATED, { rule: 'laterThan', later: 'last_seen', earlier: 'first_seen', orEqual: true }],
};
