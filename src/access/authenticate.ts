// Authorization header -> principal. Accepts `Bearer <token>` and `Basic base64(user:token)` (the
// password is the token; the user name is ignored, so any TAXII client that only speaks Basic
// works). The token is looked up by its hash through an injected function; expiry is judged
// against an injected time, so this file does no I/O and reads no clock.

import { SetuError } from '../errors/index.js';
import type { TokenRecord } from '../store/index.js';
import type { Principal } from './principal.js';
import { hashTokenSecret } from './tokens.js';

export const AUTH_SCHEMES = ['basic', 'bearer'] as const;
export type AuthScheme = (typeof AUTH_SCHEMES)[number];

export interface Credential {
  readonly scheme: AuthScheme;
  readonly secret: string;
}

const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*$/;

/** Parses an Authorization header value; throws SETU_ERR_ACCESS_* on absence or malformation. */
export function parseAuthorization(header: string | undefined): Credential {
  if (header === undefined || header.trim() === '') {
    throw new SetuError('SETU_ERR_ACCESS_NO_CREDENTIALS', 'Authentication is required: send a Bearer token or HTTP Basic with the token as password.');
  }
  const match = /^\s*([A-Za-z]+)\s+(\S+)\s*$/.exec(header);
  const schemeName = match?.[1]?.toLowerCase();
  const value = match?.[2];
  if (value === undefined || !TOKEN68.test(value)) {
    throw malformed('The Authorization header must be "Bearer <token>" or "Basic <base64(user:token)>".');
  }
  if (schemeName === 'bearer') return { scheme: 'bearer', secret: value };
  if (schemeName === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const secret = colon < 0 ? '' : decoded.slice(colon + 1);
    if (secret === '') throw malformed('HTTP Basic credentials must be "user:token" with the API token as the password.');
    return { scheme: 'basic', secret };
  }
  throw malformed(`Unsupported authentication scheme "${schemeName ?? ''}"; use Bearer or Basic.`);
}

function malformed(message: string): SetuError {
  return new SetuError('SETU_ERR_ACCESS_BAD_CREDENTIALS', message);
}

export interface AuthenticateDeps {
  readonly findTokenByHash: (secretHash: string) => Promise<TokenRecord | undefined>;
  /** Current time as RFC 3339 UTC (compared with the token's expiry). */
  readonly now: string;
  /** When given, the principal carries its organisation's communities (community audiences). */
  readonly communitiesOf?: (orgId: string) => Promise<string[]>;
}

/** Authenticates a header value: returns the principal or throws a SETU_ERR_ACCESS_* error. */
export async function authenticate(header: string | undefined, deps: AuthenticateDeps): Promise<Principal> {
  const credential = parseAuthorization(header);
  const token = await deps.findTokenByHash(hashTokenSecret(credential.secret));
  const principal = principalOf(token, deps.now);
  return deps.communitiesOf === undefined ? principal : { ...principal, communities: await deps.communitiesOf(principal.orgId) };
}

/** The principal a stored token grants at `now`, or the reason it grants none. */
export function principalOf(token: TokenRecord | undefined, now: string): Principal {
  if (token === undefined) {
    throw new SetuError('SETU_ERR_ACCESS_UNKNOWN_TOKEN', 'The API token is not valid.');
  }
  if (token.revokedAt !== null) {
    throw new SetuError('SETU_ERR_ACCESS_TOKEN_REVOKED', 'The API token has been revoked.', { tokenId: token.id });
  }
  if (token.expiresAt !== null && Date.parse(token.expiresAt) <= Date.parse(now)) {
    throw new SetuError('SETU_ERR_ACCESS_TOKEN_EXPIRED', 'The API token has expired.', { tokenId: token.id });
  }
  // a token a person minted acts in that person's name (audit entries name them)
  return token.createdByUser === undefined ? { tokenId: token.id, orgId: token.orgId, role: token.role } : { tokenId: token.id, orgId: token.orgId, role: token.role, userId: token.createdByUser };
}
