// Personal API tokens, for a person's scripts: scoped (a role no wider than the user's, narrowed
// again to the user's role each time it is used) and always expiring (at most a year). The secret
// ('setu_p_...') is returned once; only its SHA-256 is stored.
import { SetuError } from '../errors/index.js';
import type { UserRecord, UserRole, UserTokenRecord } from '../store/index.js';
import { checkRole } from './accounts.js';
import { isoMicros, type UsersDeps } from './deps.js';
import { ROLE_RANK, narrowRole } from './roles.js';
import { personalTokenSecret, sha256 } from './secrets.js';

export const PERSONAL_TOKEN_MAX_DAYS = 365;

export interface NewPersonalToken {
  readonly role?: string | undefined;
  readonly label?: string | null | undefined;
  readonly expiresInDays: number;
}

/** The credential asking for the token: its effective role and, for a token, when it expires. */
export interface TokenCaller {
  readonly role: UserRole;
  readonly expiresAt?: string | null | undefined;
}

export async function issuePersonalToken(deps: UsersDeps, user: UserRecord, input: NewPersonalToken, caller: TokenCaller = { role: user.role }): Promise<{ secret: string; record: UserTokenRecord }> {
  const ceiling = narrowRole(caller.role, user.role);
  const role = checkRole(input.role ?? ceiling);
  if (ROLE_RANK[role] > ROLE_RANK[ceiling]) {
    throw new SetuError('SETU_ERR_USERS_ROLE_NOT_ALLOWED', `A personal token's scope (${role}) cannot be wider than its user's role or the caller's (${ceiling}).`, { role });
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
    expiresAt: isoMicros(Math.min(now + input.expiresInDays * 86_400_000, caller.expiresAt ? Date.parse(caller.expiresAt) : Infinity)),
    revokedAt: null,
  };
  await deps.store.users.createUserToken(record);
  return { secret, record };
}

export function personalTokenView({ secretHash: _hidden, ...rest }: UserTokenRecord) {
  return rest;
}
