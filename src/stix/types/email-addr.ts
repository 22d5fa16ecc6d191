// email-addr SCO (section 6.5).
import { SCO_COMMON } from '../common.js';
import type { TypeSpec } from '../spec.js';

export const emailAddr: TypeSpec = {
  type: 'email-addr',
  category: 'sco',
  properties: {
    ...SCO_COMMON,
    value: { kind: 'string', required: true, format: 'email' },
    display_name: { kind: 'string' },
    belongs_to_ref: { kind: 'identifier', refs: ['user-account'] },
  },
  idContributing: ['value'],
};
