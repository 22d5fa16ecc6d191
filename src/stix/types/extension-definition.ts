// extension-definition (section 7.3).
import { SDO_COMMON, MODIFIED_AFTER_CREATED } from '../common.js';
import type { TypeSpec } from '../spec.js';

export const extensionDefinition: TypeSpec = {
  type: 'extension-definition',
  category: 'meta',
  properties: {
    ...SDO_COMMON,
    created_by_ref: { kind: 'identifier', required: true, refs: ['identity'] },
    name: { kind: 'string', required: true },
    description: { kind: 'string' },
    schema: { kind: 'string', required: true },
    version: { kind: 'string', required: true },
    extension_types: { kind: 'string', list: true, required: true, enumeration: 'extension-type-enum' },
    extension_properties: { kind: 'string', list: true },
  },
  rules: [
    MODIFIED_AFTER_CREATED,
    { rule: 'recommended', props: ['description'], code: 'STIX_EXTENSION_DESCRIPTION' },
    { rule: 'special', check: 'extension-definition' },
  ],
};
