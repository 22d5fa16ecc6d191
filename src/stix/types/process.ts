// process SCO (section 6.13) with windows-process-ext and windows-service-ext. It has no
// id-contributing properties, so its id is a UUIDv4.
import { SCO_COMMON } from '../common.js';
import type { TypeSpec } from '../spec.js';

export const process: TypeSpec = {
  type: 'process',
  category: 'sco',
  properties: {
    ...SCO_COMMON,
    is_hidden: { kind: 'boolean' },
    pid: { kind: 'integer' },
    created_time: { kind: 'timestamp' },
    cwd: { kind: 'string' },
    command_line: { kind: 'string' },
    environment_variables: { kind: 'dictionary' },
    opened_connection_refs: { kind: 'identifier', list: true, refs: ['network-traffic'] },
    creator_user_ref: { kind: 'identifier', refs: ['user-account'] },
    image_ref: { kind: 'identifier', refs: ['file'] },
    parent_ref: { kind: 'identifier', refs: ['process'] },
    child_refs: { kind: 'identifier', list: true, refs: ['process'] },
  },
  rules: [{ rule: 'special', check: 'sco-has-specific-property' }, { rule: 'special', check: 'windows-process-priority' }],
  extensions: {
    'windows-process-ext': {
      properties: {
        aslr_enabled: { kind: 'boolean' },
        dep_enabled: { kind: 'boolean' },
        priority: { kind: 'string' },
        owner_sid: { kind: 'string' },
        window_title: { kind: 'string' },
        startup_info: { kind: 'dictionary' },
        integrity_level: { kind: 'string', enumeration: 'windows-integrity-level-enum' },
      },
      rules: [{ rule: 'atLeastOne', props: ['aslr_enabled', 'dep_enabled', 'priority', 'owner_sid', 'window_title', 'startup_info', 'integrity_level'] }],
    },
    'windows-service-ext': {
      properties: {
        service_name: { kind: 'string' },
        descriptions: { kind: 'string', list: true },
        display_name: { kind: 'string' },
        group_name: { kind: 'string' },
        start_type: { kind: 'string', enumeration: 'windows-service-start-type-enum' },
        service_dll_refs: { kind: 'identifier', list: true, refs: ['file'] },
        service_type: { kind: 'string', enumeration: 'windows-service-type-enum' },
        service_status: { kind: 'string', enumeration: 'windows-service-status-enum' },
      },
      rules: [{ rule: 'atLeastOne', props: ['service_name', 'descriptions', 'display_name', 'group_name', 'start_type', 'service_dll_refs', 'service_type', 'service_status'] }],
    },
  },
  idContributing: [],
};
