// artifact SCO (section 6.1).
import { SCO_COMMON } from '../common.js';
import type { TypeSpec } from '../spec.js';

export const artifact: TypeSpec = {
  type: 'artifact',
  category: 'sco',
  properties: {
    ...SCO_COMMON,
    mime_type: { kind: 'string', format: 'mime' },
    payload_bin: { kind: 'binary' },
    url: { kind: 'string', format: 'url' },
    hashes: { kind: 'hashes' },
    encryption_algorithm: { kind: 'string', enumeration: 'encryption-algorithm-enum' },
    decryption_key: { kind: 'string' },
  },
  rules: [
    { rule: 'atLeastOne', props: ['payload_bin', 'url'] },
    { rule: 'mutuallyExclusive', props: ['payload_bin', 'url'] },
    { rule: 'dependsOn', prop: 'url', requires: 'hashes' },
    { rule: 'dependsOn', prop: 'decryption_key', requires: 'encryption_algorithm' },
  ],
  idContributing: ['hashes', 'payload_bin'],
};
