// language-content (section 7.1): translations keyed by RFC 5646 tag, then by property name.
import { SDO_COMMON, MODIFIED_AFTER_CREATED } from '../common.js';
import type { TypeSpec } from '../spec.js';

export const languageContent: TypeSpec = {
  type: 'language-content',
  category: 'meta',
  properties: {
    ...SDO_COMMON,
    object_ref: { kind: 'identifier', required: true, refs: 'any' },
    object_modified: { kind: 'timestamp' },
    contents: { kind: 'dictionary', required: true, values: 'any' },
  },
  rules: [MODIFIED_AFTER_CREATED, { rule: 'special', check: 'language-content' }],
};
