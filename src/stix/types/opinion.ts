// opinion SDO (section 4.15).
import { SDO_COMMON, MODIFIED_AFTER_CREATED } from '../common.js';
import type { TypeSpec } from '../spec.js';

export const opinion: TypeSpec = {
  type: 'opinion',
  category: 'sdo',
  properties: {
    ...SDO_COMMON,
    explanation: { kind: 'string' },
    authors: { kind: 'string', list: true },
    opinion: { kind: 'string', required: true, enumeration: 'opinion-enum' },
    object_refs: { kind: 'identifier', list: true, required: true, refs: 'any' },
  },
  rules: [MODIFIED_AFTER_CREATED],
};
