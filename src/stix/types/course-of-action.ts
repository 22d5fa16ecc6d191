// course-of-action SDO (section 4.3); 'action' is reserved (see common.ts).
import { SDO_COMMON, MODIFIED_AFTER_CREATED } from '../common.js';
import type { TypeSpec } from '../spec.js';

export const courseOfAction: TypeSpec = {
  type: 'course-of-action',
  category: 'sdo',
  properties: {
    ...SDO_COMMON,
    name: { kind: 'string', required: true },
    description: { kind: 'string' },
  },
  rules: [MODIFIED_AFTER_CREATED],
};
