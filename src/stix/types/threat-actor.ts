// threat-actor SDO (section 4.17).
import { SDO_COMMON, MODIFIED_AFTER_CREATED } from '../common.js';
import type { TypeSpec } from '../spec.js';

export const threatActor: TypeSpec = {
  type: 'threat-actor',
  category: 'sdo',
  properties: {
    ...SDO_COMMON,
    name: { kind: 'string', required: true },
    description: { kind: 'string' },
    threat_actor_types: { kind: 'string', list: true, vocab: 'threat-actor-type-ov' },
    aliases: { kind: 'string', list: true },
    first_seen: { kind: 'timestamp' },
    last_seen: { kind: 'timestamp' },
    roles: { kind: 'string', list: true, vocab: 'threat-actor-role-ov' },
    goals: { kind: 'string', list: true },
    sophistication: { kind: 'string', vocab: 'threat-actor-sophistication-ov' },
    resource_level: { kind: 'string', vocab: 'attack-resource-level-ov' },
    primary_motivation: { kind: 'string', vocab: 'attack-motivation-ov' },
    secondary_motivations: { kind: 'string', list: true, vocab: 'attack-motivation-ov' },
    personal_motivations: { kind: 'string', list: true, vocab: 'attack-motivation-ov' },
  },
  rules: [MODIFIED_AFTER_CREATED, { rule: 'laterThan', later: 'last_seen', earlier: 'first_seen', orEqual: true }],
};
