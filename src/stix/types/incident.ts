// incident SDO (section 4.6; the stub the Incident Core Extension builds on).
import { SDO_COMMON, KILL_CHAIN_PHASES, MODIFIED_AFTER_CREATED } from '../common.js';
import type { TypeSpec } from '../spec.js';

export const incident: TypeSpec = {
  type: 'incident',
  category: 'sdo',
  properties: {
    ...SDO_COMMON,
    name: { kind: 'string', required: true },
    description: { kind: 'string' },
    kill_chain_phases: KILL_CHAIN_PHASES,
  },
  rules: [MODIFIED_AFTER_CREATED],
};
