// windows-registry-key SCO (section 6.17) with windows-registry-value-type.
import { SCO_COMMON } from '../common.js';
import type { TypeSpec } from '../spec.js';

export const windowsRegistryKey: TypeSpec = {
  type: 'windows-registry-key',
  category: 'sco',
  properties: {
    ...SCO_COMMON,
    key: { kind: 'string', format: 'registry-key' },
    values: {
      kind: 'object',
      list: true,
      properties: {
        name: { kind: 'string' },
        data: { kind: 'string' },
        data_type: { kind: 'string', enumeration: 'windows-registry-datatype-enum' },
      },
    },
    modified_time: { kind: 'timestamp' },
    creator_user_ref: { kind: 'identifier', refs: ['user-account'] },
    number_of_subkeys: { kind: 'integer', min: 0 },
  },
  idContributing: ['key', 'values'],
};
