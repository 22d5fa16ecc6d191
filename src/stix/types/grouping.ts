// grouping SDO (section 4.4).
import { SDO_COMMON, MODIFIED_AFTER_CREATED } from '../common.js';
import type { TypeSpec } from '../spec.js';

export const grouping: TypeSpec = {
  type: 'grouping',
  category: 'sdo',
  properties: {
    ...SDO_COMMON,
    name: { kind: 'string' },
    description: { kind: 'string' },
    context: { kind: 'string', required: true, vocab: 'grouping-context-ov' },
    object_refs: { kind: 'identifier', list: true, required: true, refs: 'any' },
  },
  rules: [MODIFIED_AFTER_CREATED],
};
