// infrastructure SDO (section 4.8).
import { SDO_COMMON, KILL_CHAIN_PHASES, MODIFIED_AFTER_CREATED } from '../common.js';
import type { TypeSpec } from '../spec.js';

export const infrastructure: TypeSpec = {
  type: 'infrastructure',
  category: 'sdo',
  properties: {
    ...SDO_COMMON,
    name: { kind: 'string', required: true },
    description: { kind: 'string' },
    infrastructure_types: { kind: 'string', list: true, vocab: 'infrastructure-type-ov' },
    aliases: { kind: 'string', list: true },
    kill_chain_phases: KILL_CHAIN_PHASES,
    first_seen: { kind: 'timestamp' },
    last_seen: { kind: 'timestamp' },
  },
  rules: [MODIFIED_AFTER_CREATED, { rule: 'laterThan', later: 'last_seen', earlier: 'first_seen', orEqual: true }],
};
