// user-account SCO (section 6.16) with unix-account-ext.
import { SCO_COMMON } from '../common.js';
import type { TypeSpec } from '../spec.js';

export const userAccount: TypeSpec = {
  type: 'user-account',
  category: 'sco',
  properties: {
    ...SCO_COMMON,
    user_id: { kind: 'string' },
    credential: { kind: 'string' },
    account_login: { kind: 'string' },
    account_type: { kind: 'string', vocab: 'account-type-ov' },
    display_name: { kind: 'string' },
    is_service_account: { kind: 'boolean' },
    is_privileged: { kind: 'boolean' },
    can_escalate_privs: { kind: 'boolean' },
    is_disabled: { kind: 'boolean' },
    account_created: { kind: 'timestamp' },
    account_expires: { kind: 'timestamp' },
    credential_last_changed: { kind: 'timestamp' },
    account_first_login: { kind: 'timestamp' },
    account_last_login: { kind: 'timestamp' },
  },
  extensions: {
    'unix-account-ext': {
      properties: {
        gid: { kind: 'integer' },
        groups: { kind: 'string', list: true },
        home_dir: { kind: 'string' },
        shell: { kind: 'string' },
      },
      rules: [{ rule: 'atLeastOne', props: ['gid', 'groups', 'home_dir', 'shell'] }],
    },
  },
  idContributing: ['account_type', 'user_id', 'account_login'],
};
