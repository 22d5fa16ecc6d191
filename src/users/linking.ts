// Linking a person to an OIDC identity (issuer + subject), so a person an admin added can sign in
// through their organisation's provider: explicitly by an admin (API, `setu user link`), or at SSO
// finish when the provider asserts the e-mail as verified (sso.ts). A user has at most one identity,
// and an identity belongs to at most one user.
import { SetuError } from '../errors/index.js';
import type { AuditActor, UserRecord } from '../store/index.js';
import { managedUser } from './accounts.js';
import type { UsersDeps } from './deps.js';
import { sameIssuer } from './identity-provider.js';
import type { Actor } from './roles.js';

/** Records the identity on the user (refused when either side is already linked) and audits it. */
export async function linkIdentity(deps: UsersDeps, audit: AuditActor, user: UserRecord, iss: string, subject: string, by: string): Promise<UserRecord> {
  if (user.oidcIssuer !== null) throw new SetuError('SETU_ERR_USERS_ALREADY_LINKED', `User ${user.id} already signs in through ${user.oidcIssuer}.`, { userId: user.id });
  const holder = await deps.store.users.findUserBySubject(iss, subject);
  if (holder !== undefined) throw new SetuError('SETU_ERR_USERS_ALREADY_LINKED', `The identity ${subject} of ${iss} belongs to another user.`, { userId: holder.id });
  const updated = (await deps.store.users.updateUser(user.id, { oidcIssuer: iss, oidcSubject: subject }))!;
  await deps.audit?.record({ action: 'admin.user', actor: audit, target: { userId: user.id, orgId: user.orgId }, details: { change: 'link', issuer: iss, subject, by } });
  return updated;
}

/** An admin links a person it manages (org-admin: its organisation's; node-admin: anyone's). */
export async function linkUser(deps: UsersDeps, actor: Actor, audit: AuditActor, idOrEmail: string, issuer: string, subject: string): Promise<UserRecord> {
  if (actor.role !== 'node-admin' && actor.role !== 'org-admin') throw new SetuError('SETU_ERR_USERS_UNKNOWN_USER', `No user ${idOrEmail} that this caller manages.`, { user: idOrEmail });
  if (subject.trim() === '') throw new SetuError('SETU_ERR_USERS_BAD_INPUT', 'The subject is empty.', { field: 'subject' });
  const user = await managedUser(deps, actor, idOrEmail);
  // the issuer as the organisation's provider spells it, when it is that one (SSO looks it up so)
  const provider = await deps.store.users.getIdentityProvider(user.orgId);
  const iss = provider !== undefined && sameIssuer(provider.issuer, issuer) ? provider.issuer : issuer.trim();
  return linkIdentity(deps, audit, user, iss, subject, 'admin');
}
