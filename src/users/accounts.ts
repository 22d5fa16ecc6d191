// Managing people: add, show, list, change role, disable, reset. An org-admin manages its own
// organisation's people and grants at most org-admin; a node-admin manages everyone. A user is
// disabled, never deleted (the audit log names them); disabling and resetting end the user's
// sessions and personal tokens. Every change is audited as 'admin.user'.
import type { AuditActor } from '../store/index.js';
import { SetuError } from '../errors/index.js';
import { USER_LANGUAGES, USER_ROLES, type UserLanguage, type UserRecord, type UserRole } from '../store/index.js';
import { isoMicros, type UsersDeps } from './deps.js';
import { hashPassword } from './password-hash.js';
import { passwordProblem, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-policy.js';
import { mayGrant, mayManageOrg, type Actor } from './roles.js';

export interface NewUser {
  readonly orgId: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: string;
  readonly language?: string | undefined;
  /** Absent: the user signs in only through the organisation's identity provider (or after a reset). */
  readonly password?: string | undefined;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The user as shown to people and scripts: no password hash, TOTP secret or recovery codes. */
export type UserView = Omit<UserRecord, 'passwordHash' | 'totpSecret' | 'totpConfirmed' | 'totpLastStep' | 'totpPending' | 'recoveryCodes'> & {
  readonly hasPassword: boolean;
  readonly totp: boolean;
  readonly recoveryCodesLeft: number;
};

/** A new, enabled user without a second factor (password and SSO identity as given). */
export function freshUser(fields: Pick<UserRecord, 'id' | 'orgId' | 'role' | 'displayName' | 'email' | 'language' | 'createdAt'> & Partial<Pick<UserRecord, 'passwordHash' | 'oidcIssuer' | 'oidcSubject'>>): UserRecord {
  return { disabledAt: null, passwordHash: null, totpSecret: null, totpConfirmed: false, totpLastStep: -1, recoveryCodes: [], oidcIssuer: null, oidcSubject: null, ...fields };
}

export function userView(u: UserRecord): UserView {
  return {
    id: u.id,
    orgId: u.orgId,
    role: u.role,
    displayName: u.displayName,
    email: u.email,
    language: u.language,
    createdAt: u.createdAt,
    disabledAt: u.disabledAt,
    hasPassword: u.passwordHash !== null,
    totp: u.totpConfirmed,
    recoveryCodesLeft: u.recoveryCodes.length,
    oidcIssuer: u.oidcIssuer,
    oidcSubject: u.oidcSubject,
  };
}

export function checkRole(role: string): UserRole {
  if (!(USER_ROLES as readonly string[]).includes(role)) {
    throw new SetuError('SETU_ERR_USERS_BAD_INPUT', `Unknown role "${role}"; a person's role is one of ${USER_ROLES.join(', ')}.`, { field: 'role' });
  }
  return role as UserRole;
}

function checkLanguage(language: string | undefined): UserLanguage {
  const value = (language ?? 'en').toLowerCase();
  if (!(USER_LANGUAGES as readonly string[]).includes(value)) {
    throw new SetuError('SETU_ERR_USERS_BAD_INPUT', `Unknown language "${language}"; one of ${USER_LANGUAGES.join(', ')}.`, { field: 'language' });
  }
  return value as UserLanguage;
}

/** Hashes `password` after the policy accepted it (SETU_ERR_USERS_WEAK_PASSWORD otherwise). */
export async function acceptablePasswordHash(password: string, knownWords: readonly string[]): Promise<string> {
  const problem = passwordProblem(password, knownWords);
  if (problem !== undefined) {
    const why = {
      'too-short': `shorter than ${PASSWORD_MIN_LENGTH} characters`,
      'too-long': `longer than ${PASSWORD_MAX_LENGTH} characters`,
      breached: 'one of the common passwords found in breaches',
      guessable: 'too easy to guess (add words or length)',
    }[problem];
    throw new SetuError('SETU_ERR_USERS_WEAK_PASSWORD', `The password is refused: ${why}.`, { problem });
  }
  return hashPassword(password);
}

function refuseGrant(actor: Actor, orgId: string, role: UserRole): void {
  if (!mayGrant(actor, orgId, role)) {
    throw new SetuError('SETU_ERR_USERS_ROLE_NOT_ALLOWED', `A ${actor.role} of ${actor.orgId} may not give the role ${role} to a person of ${orgId}.`, { role, orgId });
  }
}

async function record(deps: UsersDeps, actor: AuditActor, user: UserRecord, change: string, details: Record<string, unknown> = {}): Promise<void> {
  await deps.audit?.record({ action: 'admin.user', actor, target: { userId: user.id, orgId: user.orgId }, details: { change, ...details } });
}

export async function addUser(deps: UsersDeps, actor: Actor, audit: AuditActor, input: NewUser): Promise<UserRecord> {
  const role = checkRole(input.role);
  refuseGrant(actor, input.orgId, role);
  const email = input.email.trim().toLowerCase();
  if (!EMAIL.test(email)) throw new SetuError('SETU_ERR_USERS_BAD_INPUT', `"${input.email}" is not an e-mail address.`, { field: 'email' });
  if (input.displayName.trim() === '') throw new SetuError('SETU_ERR_USERS_BAD_INPUT', 'The display name must not be empty.', { field: 'displayName' });
  if ((await deps.store.getOrganisation(input.orgId)) === undefined) throw new SetuError('SETU_ERR_NODE_UNKNOWN_ORG', `No organisation ${input.orgId}.`, { orgId: input.orgId });
  if ((await deps.store.users.findUserByEmail(email)) !== undefined) throw new SetuError('SETU_ERR_NODE_DUPLICATE', `A user with the e-mail ${email} exists.`, { email });
  const user = freshUser({
    id: deps.newId(),
    orgId: input.orgId,
    role,
    displayName: input.displayName.trim(),
    email,
    language: checkLanguage(input.language),
    createdAt: isoMicros(deps.clock()),
    passwordHash: input.password === undefined ? null : await acceptablePasswordHash(input.password, [email, input.displayName]),
  });
  await deps.store.users.createUser(user);
  await record(deps, audit, user, 'create', { role, email });
  return user;
}

/** The user, if `actor` may manage its organisation; otherwise the same answer as a missing one. */
export async function managedUser(deps: UsersDeps, actor: Actor, idOrEmail: string): Promise<UserRecord> {
  const user = (await deps.store.users.getUser(idOrEmail)) ?? (idOrEmail.includes('@') ? await deps.store.users.findUserByEmail(idOrEmail) : undefined);
  if (user === undefined || !mayManageOrg(actor, user.orgId)) throw new SetuError('SETU_ERR_USERS_UNKNOWN_USER', `No user ${idOrEmail} that this caller manages.`, { user: idOrEmail });
  return user;
}

export async function listManagedUsers(deps: UsersDeps, actor: Actor, orgId?: string): Promise<UserRecord[]> {
  const users = await deps.store.users.listUsers(orgId ?? (actor.role === 'node-admin' ? undefined : actor.orgId));
  return users.filter((u) => mayManageOrg(actor, u.orgId));
}

export async function setUserRole(deps: UsersDeps, actor: Actor, audit: AuditActor, idOrEmail: string, role: string): Promise<UserRecord> {
  const user = await managedUser(deps, actor, idOrEmail);
  const next = checkRole(role);
  refuseGrant(actor, user.orgId, next);
  // An org-admin cannot demote (and so take over from) a node-admin either.
  refuseGrant(actor, user.orgId, user.role);
  const updated = (await deps.store.users.updateUser(user.id, { role: next }))!;
  await record(deps, audit, updated, 'role', { from: user.role, to: next });
  return updated;
}

export async function disableUser(deps: UsersDeps, actor: Actor, audit: AuditActor, idOrEmail: string): Promise<UserRecord> {
  const user = await managedUser(deps, actor, idOrEmail);
  refuseGrant(actor, user.orgId, user.role);
  if (user.disabledAt !== null) return user;
  const at = isoMicros(deps.clock());
  const updated = (await deps.store.users.updateUser(user.id, { disabledAt: at }))!;
  const sessions = await deps.store.users.revokeUserSessions(user.id, at);
  const tokens = await deps.store.users.revokeUserTokens(user.id, at);
  const orgTokens = await deps.store.users.revokeOrgTokensCreatedBy(user.id, at);
  await record(deps, audit, updated, 'disable', { sessionsEnded: sessions, tokensRevoked: tokens, orgTokensRevoked: orgTokens });
  return updated;
}

/**
 * Resets a user's credentials: the second factor and recovery codes are removed, every session and
 * personal token (and organisation token they minted) ends, and the password becomes `password` (checked by the policy) or none.
 */
export async function resetUser(deps: UsersDeps, actor: Actor, audit: AuditActor, idOrEmail: string, password: string | undefined): Promise<UserRecord> {
  const user = await managedUser(deps, actor, idOrEmail);
  refuseGrant(actor, user.orgId, user.role);
  const at = isoMicros(deps.clock());
  const passwordHash = password === undefined ? null : await acceptablePasswordHash(password, [user.email, user.displayName]);
  const updated = (await deps.store.users.updateUser(user.id, { passwordHash, totpSecret: null, totpConfirmed: false, totpPending: null, recoveryCodes: [] }))!;
  const sessions = await deps.store.users.revokeUserSessions(user.id, at);
  const tokens = await deps.store.users.revokeUserTokens(user.id, at);
  const orgTokens = await deps.store.users.revokeOrgTokensCreatedBy(user.id, at);
  await record(deps, audit, updated, 'reset', { password: passwordHash !== null, sessionsEnded: sessions, tokensRevoked: tokens, orgTokensRevoked: orgTokens });
  return updated;
}
