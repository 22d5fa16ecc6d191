// ipv6-addr SCO (section 6.9).
import { SCO_COMMON } from '../common.js';
import type { TypeSpec } from '../spec.js';

export const ipv6Addr: TypeSpec = {
  type: 'ipv6-addr',
  category: 'sco',
  properties: {
    ...SCO_COMMON,
    value: { kind: 'string', required: true, format: 'ipv6' },
    resolves_to_refs: { kind: 'identifier', list: true, refs: ['mac-addr'] },
    belongs_to_refs: { kind: 'identifier', list: true, refs: ['autonomous-system'] },
  },
  idContributing: ['value'],
};
