// mutex SCO (section 6.11).
import { SCO_COMMON } from '../common.js';
import type { TypeSpec } from '../spec.js';

export const mutex: TypeSpec = {
  type: 'mutex',
  category: 'sco',
  properties: {
    ...SCO_COMMON,
    name: { kind: 'string', required: true },
  },
  idContributing: ['name'],
};
