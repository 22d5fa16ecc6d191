// ipv4-addr SCO (section 6.8).
import { SCO_COMMON } from '../common.js';
import type { TypeSpec } from '../spec.js';

export const ipv4Addr: TypeSpec = {
  type: 'ipv4-addr',
  category: 'sco',
  properties: {
    ...SCO_COMMON,
    value: { kind: 'string', required: true, format: 'ipv4' },
    resolves_to_refs: { kind: 'identifier', list: true, refs: ['mac-addr'] },
    belongs_to_refs: { kind: 'identifier', list: true, refs: ['autonomous-system'] },
  },
  idContributing: ['value'],
};
