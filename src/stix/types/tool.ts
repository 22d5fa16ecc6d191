// tool SDO (section 4.18).
import { SDO_COMMON, KILL_CHAIN_PHASES, MODIFIED_AFTER_CREATED } from '../common.js';
import type { TypeSpec } from '../spec.js';

export const tool: TypeSpec = {
  type: 'tool',
  category: 'sdo',
  properties: {
    ...SDO_COMMON,
    name: { kind: 'string', required: true },
    description: { kind: 'string' },
    tool_types: { kind: 'string', list: true, vocab: 'tool-type-ov' },
    aliases: { kind: 'string', list: true },
    kill_chain_phases: KILL_CHAIN_PHASES,
    tool_version: { kind: 'string' },
  },
  rules: [MODIFIED_AFTER_CREATED],
};
