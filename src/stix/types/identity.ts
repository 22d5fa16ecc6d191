// identity SDO (section 4.5).
import { SDO_COMMON, MODIFIED_AFTER_CREATED } from '../common.js';
import type { TypeSpec } from '../spec.js';

export const identity: TypeSpec = {
  type: 'identity',
  category: 'sdo',
  properties: {
    ...SDO_COMMON,
    name: { kind: 'string', required: true },
    description: { kind: 'string' },
    roles: { kind: 'string', list: true },
    identity_class: { kind: 'string', vocab: 'identity-class-ov' },
    sectors: { kind: 'string', list: true, vocab: 'industry-sector-ov' },
    contact_information: { kind: 'string' },
  },
  rules: [MODIFIED_AFTER_CREATED],
};
