// report SDO (section 4.16).
import { SDO_COMMON, MODIFIED_AFTER_CREATED } from '../common.js';
import type { TypeSpec } from '../spec.js';

export const report: TypeSpec = {
  type: 'report',
  category: 'sdo',
  properties: {
    ...SDO_COMMON,
    name: { kind: 'string', required: true },
    description: { kind: 'string' },
    report_types: { kind: 'string', list: true, vocab: 'report-type-ov' },
    published: { kind: 'timestamp', required: true },
    object_refs: { kind: 'identifier', list: true, required: true, refs: 'any' },
  },
  rules: [MODIFIED_AFTER_CREATED],
};
