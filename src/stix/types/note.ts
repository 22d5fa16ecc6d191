// note SDO (section 4.13).
import { SDO_COMMON, MODIFIED_AFTER_CREATED } from '../common.js';
import type { TypeSpec } from '../spec.js';

export const note: TypeSpec = {
  type: 'note',
  category: 'sdo',
  properties: {
    ...SDO_COMMON,
    abstract: { kind: 'string' },
    content: { kind: 'string', required: true },
    authors: { kind: 'string', list: true },
    object_refs: { kind: 'identifier', list: true, required: true, refs: 'any' },
  },
  rules: [MODIFIED_AFTER_CREATED],
};
