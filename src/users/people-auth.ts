// How a request made by a person is authenticated, for the TAXII and API hooks:
//
//   Authorization: Bearer setu_p_...   a personal token: the user's organisation, the token's
//                                      scope narrowed to the user's current role
//   no Authorization, setu_session     a browser session; a state-changing method (not GET, HEAD,
//   cookie                             OPTIONS) must carry X-Setu-CSRF (Bearer requests are not
//                                      subject to CSRF: a browser never adds that header itself)
//   anything else                      undefined: the organisation-token path decides
//
// The principal is always the organisation's (TLP and audiences stay per organisation) with the
// person's role, never wider, and carries the user id so audit entries and decisions name them.
import { fastifyCookie } from '@fastify/cookie';
import type { Principal } from '../access/index.js';
import { SetuError } from '../errors/index.js';
import type { UsersDeps } from './deps.js';
import { narrowRole } from './roles.js';
import { PERSONAL_TOKEN_PREFIX, sha256 } from './secrets.js';
import { checkSession } from './sessions.js';
import { DEFAULT_SESSION_TIMEOUTS, type SessionTimeouts } from './session-rules.js';

export const SESSION_COOKIE = 'setu_session';
/** The tokenId of a principal a browser session authenticated starts with this. */
export const SESSION_PRINCIPAL_PREFIX = 'session:';
export const CSRF_HEADER = 'x-setu-csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface PersonRequest {
  readonly method: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Parsed cookies (@fastify/cookie), when the scope parses them; else the Cookie header is parsed here. */
  readonly cookies?: Readonly<Record<string, string | undefined>>;
}

export interface PeopleAuth {
  /** The person's principal, or undefined when the request does not come from a person. */
  resolve(request: PersonRequest): Promise<Principal | undefined>;
  readonly timeouts: SessionTimeouts;
}

function header(request: PersonRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function peopleAuth(deps: UsersDeps, timeouts: SessionTimeouts = DEFAULT_SESSION_TIMEOUTS): PeopleAuth {
  return {
    timeouts,
    async resolve(request) {
      const authorization = header(request, 'authorization');
      if (authorization !== undefined) {
        const match = /^\s*Bearer\s+(setu_p_\S+)\s*$/i.exec(authorization);
        return match === null ? undefined : personalToken(deps, match[1]!);
      }
      const cookies = request.cookies ?? (typeof request.headers['cookie'] === 'string' ? fastifyCookie.parse(request.headers['cookie']) : {});
      const cookie = cookies[SESSION_COOKIE];
      if (cookie === undefined || cookie === '') return undefined;
      const csrf = SAFE_METHODS.has(request.method.toUpperCase()) ? null : header(request, CSRF_HEADER);
      const { session, user } = await checkSession(deps, cookie, csrf, timeouts);
      return { tokenId: `${SESSION_PRINCIPAL_PREFIX}${session.idHash.slice(0, 16)}`, orgId: user.orgId, role: user.role, userId: user.id };
    },
  };
}

/** Did a browser session (not a personal or organisation token) authenticate this principal? */
export function isSessionPrincipal(principal: Principal): boolean {
  return principal.userId !== undefined && principal.tokenId.startsWith(SESSION_PRINCIPAL_PREFIX);
}

async function personalToken(deps: UsersDeps, secret: string): Promise<Principal | undefined> {
  if (!secret.startsWith(PERSONAL_TOKEN_PREFIX)) return undefined;
  const token = await deps.store.users.findUserTokenByHash(sha256(secret));
  // An organisation token whose random part happens to begin with 'p_' is not a personal one.
  if (token === undefined) return undefined;
  if (token.revokedAt !== null) throw new SetuError('SETU_ERR_ACCESS_TOKEN_REVOKED', 'The personal token has been revoked.', { tokenId: token.id });
  if (Date.parse(token.expiresAt) <= deps.clock()) throw new SetuError('SETU_ERR_ACCESS_TOKEN_EXPIRED', 'The personal token has expired.', { tokenId: token.id });
  const user = await deps.store.users.getUser(token.userId);
  if (user === undefined || user.disabledAt !== null) throw new SetuError('SETU_ERR_ACCESS_TOKEN_REVOKED', 'The personal token\'s user is disabled.', { tokenId: token.id });
  return { tokenId: token.id, orgId: user.orgId, role: narrowRole(token.role, user.role), userId: user.id };
}
