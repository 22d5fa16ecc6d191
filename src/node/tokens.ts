// Issuing and revoking API tokens for a node's organisations.
import { SetuError } from '../errors/index.js';
import { newToken } from '../access/index.js';
import { ROLES, type Role, type Store, type TokenRecord } from '../store/index.js';
import { requireOrganisation } from './admin.js';

export interface IssueTokenInput {
  readonly orgId: string;
  readonly role: string;
  readonly label?: string | undefined;
  readonly expiresInDays?: number | undefined;
  /** The person minting it (src/users): the token is revoked when they are disabled or reset. */
  readonly createdByUser?: string | undefined;
}

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Creates a token and returns its record and its secret (the only time the secret exists). */
export async function issueToken(store: Store, input: IssueTokenInput, clock: () => number, newId: () => string): Promise<{ secret: string; record: TokenRecord }> {
  if (!isRole(input.role)) {
    throw new SetuError('SETU_ERR_NODE_BAD_ARGUMENT', `role must be one of ${ROLES.join(', ')} (got ${JSON.stringify(input.role)})`, { field: 'role' });
  }
  if (input.expiresInDays !== undefined && !(Number.isFinite(input.expiresInDays) && input.expiresInDays > 0)) {
    throw new SetuError('SETU_ERR_NODE_BAD_ARGUMENT', `expiry must be a positive number of days (got ${input.expiresInDays})`, { field: 'expiresInDays' });
  }
  await requireOrganisation(store, input.orgId);
  const now = clock();
  const token = newToken({
    orgId: input.orgId,
    role: input.role,
    label: input.label ?? null,
    expiresAt: input.expiresInDays === undefined ? null : new Date(now + input.expiresInDays * 86_400_000).toISOString(),
    now: new Date(now).toISOString(),
    newId,
  });
  const record: TokenRecord = input.createdByUser === undefined ? token.record : { ...token.record, createdByUser: input.createdByUser };
  await store.createToken(record);
  return { secret: token.secret, record };
}

export async function revokeToken(store: Store, id: string, clock: () => number): Promise<void> {
  const revoked = await store.revokeToken(id, new Date(clock()).toISOString());
  if (!revoked) throw new SetuError('SETU_ERR_NODE_BAD_ARGUMENT', `no active token with id ${id} (see \`setu token list\`)`, { field: 'id', value: id });
}
