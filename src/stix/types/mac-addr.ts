// mac-addr SCO (section 6.10).
import { SCO_COMMON } from '../common.js';
import type { TypeSpec } from '../spec.js';

export const macAddr: TypeSpec = {
  type: 'mac-addr',
  category: 'sco',
  properties: {
    ...SCO_COMMON,
    value: { kind: 'string', required: true, format: 'mac' },
  },
  idContributing: ['value'],
};
