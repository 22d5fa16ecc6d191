// directory SCO (section 6.3).
import { SCO_COMMON } from '../common.js';
import type { TypeSpec } from '../spec.js';

export const directory: TypeSpec = {
  type: 'directory',
  category: 'sco',
  properties: {
    ...SCO_COMMON,
    path: { kind: 'string', required: true },
    path_enc: { kind: 'string', format: 'charset' },
    ctime: { kind: 'timestamp' },
    mtime: { kind: 'timestamp' },
    atime: { kind: 'timestamp' },
    contains_refs: { kind: 'identifier', list: true, refs: ['file', 'directory'] },
  },
  idContributing: ['path'],
};
