// Personal API tokens, for a person's scripts: scoped (a role no wider than the user's, narrowed
// again to the user's role each time it is used) and always expiring (at most a year). The secret
// ('setu_p_...') is returned once; only its SHA-256 is stored.
import { SetuError } from '../errors/index.js';
import type { UserRecord, UserTokenRecord } from '../store/index.js';
import { checkRole } from './accounts.js';
import { isoMicros, type UsersDeps } from './deps.js';
import { ROLE_RANK } from './roles.js';
import { personalTokenSecret, sha256 } from './secrets.js';

export const PERSONAL_TOKEN_MAX_DAYS = 365;

export interface NewPersonalToken {
  readonly role?: string | undefined;
  readonly label?: string | null | undefined;
  readonly expiresInDays: number;
}

export async function issuePersonalToken(deps: UsersDeps, user: UserRecord, input: NewPersonalToken): Promise<{ secret: string; record: UserTokenRecord }> {
  const role = checkRole(input.role ?? user.role);
  if (ROLE_RANK[role] > ROLE_RANK[user.role]) {
    throw new SetuError('SETU_ERR_USERS_ROLE_NOT_ALLOWED', `A personal token's scope (${role}) cannot be wider than its user's role (${user.role}).`, { role });
  }
  if (!Number.isInteger(input.expiresInDays) || input.expiresInDays < 1 || input.expiresInDays > PERSONAL_TOKEN_MAX_DAYS) {
    throw new SetuError('SETU_ERR_USERS_BAD_INPUT', `A personal token expires in 1 to ${PERSONAL_TOKEN_MAX_DAYS} whole days.`, { field: 'expiresInDays' });
  }
  const now = deps.clock();
  const secret = personalTokenSecret();
  const record: UserTokenRecord = {
    id: deps.newId(),
    userId: user.id,
    role,
    label: input.label ?? null,
    secretHash: sha256(secret),
    createdAt: isoMicros(now),
    expiresAt: isoMicros(now + input.expiresInDays * 86_400_000),
    revokedAt: null,
  };
  await deps.store.users.createUserToken(record);
  return { secret, record };
}

export function personalTokenView({ secretHash: _hidden, ...rest }: UserTokenRecord) {
  return rest;
}
