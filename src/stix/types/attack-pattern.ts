// attack-pattern SDO (STIX 2.1 section 4.1).
import { SDO_COMMON, KILL_CHAIN_PHASES, MODIFIED_AFTER_CREATED } from '../common.js';
import type { TypeSpec } from '../spec.js';

export const attackPattern: TypeSpec = {
  type: 'attack-pattern',
  category: 'sdo',
  properties: {
    ...SDO_COMMON,
    name: { kind: 'string', required: true },
    description: { kind: 'string' },
    aliases: { kind: 'string', list: true },
    kill_chain_phases: KILL_CHAIN_PHASES,
  },
  rules: [MODIFIED_AFTER_CREATED],
};
