// indicator SDO (section 4.7). Pattern syntax is checked through the hook in pattern-hook.ts.
import { SDO_COMMON, KILL_CHAIN_PHASES, MODIFIED_AFTER_CREATED } from '../common.js';
import type { TypeSpec } from '../spec.js';

export const indicator: TypeSpec = {
  type: 'indicator',
  category: 'sdo',
  properties: {
    ...SDO_COMMON,
    name: { kind: 'string' },
    description: { kind: 'string' },
    indicator_types: { kind: 'string', list: true, vocab: 'indicator-type-ov' },
    pattern: { kind: 'string', required: true },
    pattern_type: { kind: 'string', required: true, vocab: 'pattern-type-ov' },
    pattern_version: { kind: 'string' },
    valid_from: { kind: 'timestamp', required: true },
    valid_until: { kind: 'timestamp' },
    kill_chain_phases: KILL_CHAIN_PHASES,
  },
  rules: [
    MODIFIED_AFTER_CREATED,
    { rule: 'laterThan', later: 'valid_until', earlier: 'valid_from', orEqual: false },
    { rule: 'recommended', props: ['name', 'description'], code: 'STIX_INDICATOR_PROPERTIES' },
    { rule: 'special', check: 'indicator-pattern' },
  ],
};
