// autonomous-system SCO (section 6.2).
import { SCO_COMMON } from '../common.js';
import type { TypeSpec } from '../spec.js';

export const autonomousSystem: TypeSpec = {
  type: 'autonomous-system',
  category: 'sco',
  properties: {
    ...SCO_COMMON,
    number: { kind: 'integer', required: true, min: 0 },
    name: { kind: 'string' },
    rir: { kind: 'string' },
  },
  idContributing: ['number'],
};
