// domain-name SCO (section 6.4).
import { SCO_COMMON } from '../common.js';
import type { TypeSpec } from '../spec.js';

export const domainName: TypeSpec = {
  type: 'domain-name',
  category: 'sco',
  properties: {
    ...SCO_COMMON,
    value: { kind: 'string', required: true },
    resolves_to_refs: { kind: 'identifier', list: true, refs: ['ipv4-addr', 'ipv6-addr', 'domain-name'] },
  },
  idContributing: ['value'],
};
