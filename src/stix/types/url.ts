// url SCO (section 6.15).
import { SCO_COMMON } from '../common.js';
import type { TypeSpec } from '../spec.js';

export const url: TypeSpec = {
  type: 'url',
  category: 'sco',
  properties: {
    ...SCO_COMMON,
    value: { kind: 'string', required: true, format: 'url' },
  },
  idContributing: ['value'],
};
