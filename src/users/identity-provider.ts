// An organisation's OpenID Connect identity provider, configured by its org-admin (or a
// node-admin): issuer, client id (and secret for a confidential client), the claim holding roles,
// the claim-value -> role map, a default role, and whether unknown people are provisioned into the
// organisation on first sign-in. No mapped role may be wider than the configuring admin may grant;
// one issuer belongs to one organisation on the node.
import { SetuError } from '../errors/index.js';
import type { AuditActor, IdentityProviderRecord, UserRole } from '../store/index.js';
import { checkRole } from './accounts.js';
import { isoMicros, type UsersDeps } from './deps.js';
import { mayGrant, mayManageOrg, type Actor } from './roles.js';

export interface IdentityProviderInput {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret?: string | null | undefined;
  readonly roleClaim?: string | undefined;
  readonly roleMap?: Readonly<Record<string, string>> | undefined;
  readonly defaultRole?: string | null | undefined;
  readonly jit?: boolean | undefined;
}

function bad(field: string, message: string): SetuError {
  return new SetuError('SETU_ERR_USERS_BAD_INPUT', message, { field });
}

export async function configureIdentityProvider(deps: UsersDeps, actor: Actor, audit: AuditActor, orgId: string, input: IdentityProviderInput): Promise<IdentityProviderRecord> {
  if (!mayManageOrg(actor, orgId)) throw new SetuError('SETU_ERR_API_FORBIDDEN', `A ${actor.role} of ${actor.orgId} may not configure the identity provider of ${orgId}.`);
  if ((await deps.store.getOrganisation(orgId)) === undefined) throw new SetuError('SETU_ERR_NODE_UNKNOWN_ORG', `No organisation ${orgId}.`, { orgId });
  let issuer: URL;
  try {
    issuer = new URL(input.issuer);
  } catch {
    throw bad('issuer', `"${input.issuer}" is not a URL.`);
  }
  if (issuer.protocol !== 'https:' && !isLoopbackUrl(issuer)) throw bad('issuer', 'The issuer must be an https URL (plain http only on a loopback address).');
  if (input.clientId.trim() === '') throw bad('clientId', 'The client id must not be empty.');
  const roleMap: Record<string, UserRole> = {};
  for (const [value, role] of Object.entries(input.roleMap ?? {})) roleMap[value] = checkRole(role);
  const defaultRole = input.defaultRole == null ? null : checkRole(input.defaultRole);
  for (const role of [...Object.values(roleMap), ...(defaultRole === null ? [] : [defaultRole])]) {
    if (!mayGrant(actor, orgId, role)) throw new SetuError('SETU_ERR_USERS_ROLE_NOT_ALLOWED', `A ${actor.role} may not map sign-ins to the role ${role}.`, { role });
  }
  const record: IdentityProviderRecord = {
    orgId,
    issuer: input.issuer,
    clientId: input.clientId,
    clientSecret: input.clientSecret ?? null,
    roleClaim: input.roleClaim ?? 'groups',
    roleMap,
    defaultRole,
    jit: input.jit ?? false,
    updatedAt: isoMicros(deps.clock()),
  };
  const same = normaliseIssuer(record.issuer);
  let holder: IdentityProviderRecord | undefined;
  for (const form of new Set([record.issuer, same, `${same}/`])) holder ??= await deps.store.users.findIdentityProviderByIssuer(form);
  if (holder !== undefined && holder.orgId !== orgId) throw new SetuError('SETU_ERR_NODE_DUPLICATE', `The issuer ${record.issuer} is another organisation's identity provider.`, { issuer: record.issuer });
  await deps.store.users.putIdentityProvider(record);
  await deps.audit?.record({ action: 'admin.identity-provider', actor: audit, target: { orgId }, details: { issuer: record.issuer, clientId: record.clientId, roleClaim: record.roleClaim, roleMap, defaultRole, jit: record.jit } });
  return record;
}

/**
 * An issuer URL in one form for comparing (scheme and host lower case, default port dropped, no
 * trailing slash): `https://IdP.example/` and `https://idp.example` are the same issuer. The
 * configured string itself is kept as given, as the provider's discovery and tokens name it.
 */
export function normaliseIssuer(issuer: string): string {
  try {
    const url = new URL(issuer.trim());
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return issuer.trim();
  }
}

/** Do two issuer strings name the same issuer? */
export function sameIssuer(a: string, b: string): boolean {
  return normaliseIssuer(a) === normaliseIssuer(b);
}

export function isLoopbackUrl(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '[::1]' || /^127\./.test(url.hostname);
}

/** The provider as shown over the API: never its client secret. */
export function identityProviderView({ clientSecret, ...rest }: IdentityProviderRecord) {
  return { ...rest, hasClientSecret: clientSecret !== null };
}
