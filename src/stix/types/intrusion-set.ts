// intrusion-set SDO (section 4.9).
import { SDO_COMMON, MODIFIED_AFTER_CREATED } from '../common.js';
import type { TypeSpec } from '../spec.js';

export const intrusionSet: TypeSpec = {
  type: 'intrusion-set',
  category: 'sdo',
  properties: {
    ...SDO_COMMON,
    name: { kind: 'string', required: true },
    description: { kind: 'string' },
    aliases: { kind: 'string', list: true },
    first_seen: { kind: 'timestamp' },
    last_seen: { kind: 'timestamp' },
    goals: { kind: 'string', list: true },
    resource_level: { kind: 'string', vocab: 'attack-resource-level-ov' },
    primary_motivation: { kind: 'string', vocab: 'attack-motivation-ov' },
    secondary_motivations: { kind: 'string', list: true, vocab: 'attack-motivation-ov' },
  },
  rules: [MODIFIED_AFTER_CREATED, { rule: 'laterThan', later: 'last_seen', earlier: 'first_seen', orEqual: true }],
};
