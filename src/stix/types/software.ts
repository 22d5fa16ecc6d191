// software SCO (section 6.14).
import { SCO_COMMON } from '../common.js';
import type { TypeSpec } from '../spec.js';

export const software: TypeSpec = {
  type: 'software',
  category: 'sco',
  properties: {
    ...SCO_COMMON,
    name: { kind: 'string', required: true },
    cpe: { kind: 'string', format: 'cpe' },
    swid: { kind: 'string' },
    languages: { kind: 'string', list: true, format: 'language' },
    vendor: { kind: 'string' },
    version: { kind: 'string' },
  },
  idContributing: ['name', 'cpe', 'swid', 'vendor', 'version'],
};
