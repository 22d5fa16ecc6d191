// Single sign-on through an organisation's OpenID Connect provider (openid-client): authorization
// code flow with PKCE (S256), state and nonce. In order:
//   start(orgId)   the organisation's provider is discovered; a pending flow (verifier, nonce,
//                  organisation) is kept under a random state for 10 minutes; the browser is sent
//                  to the provider (and holds the state in a cookie, binding the flow to it)
//   finish(url)    the flow is taken once; openid-client exchanges the code and validates the ID
//                  token (signature, issuer = the organisation's, audience, nonce, expiry)
//   person         matched by issuer + subject; an unknown subject is provisioned just in time
//                  into the provider's organisation only (when the provider allows it), with the
//                  role its claims map to; a known one keeps its organisation and gets the mapped
//                  role; no role, a disabled user, or a user of another organisation is refused
// Plain-http issuers are accepted only on loopback addresses (as when configured). A provider that
// cannot be reached (discovery or the token exchange) answers SETU_ERR_USERS_IDP_UNREACHABLE (502).
import * as oidc from 'openid-client';
import { SetuError } from '../errors/index.js';
import type { IdentityProviderRecord, UserRecord } from '../store/index.js';
import { freshUser } from './accounts.js';
import { roleFromClaims } from './claims.js';
import { isoMicros, type UsersDeps } from './deps.js';
import { isLoopbackUrl } from './identity-provider.js';
import { linkIdentity } from './linking.js';
import { startSession } from './sessions.js';
import { sessionActor, type SignedIn } from './sign-in.js';

export const SSO_SCOPE = 'openid email profile';
const FLOW_TTL_MS = 10 * 60_000;

interface PendingFlow {
  readonly orgId: string;
  readonly verifier: string;
  readonly nonce: string;
  readonly redirectUri: string;
  readonly startedAt: number;
}

export interface SsoService {
  /** The provider's authorization URL and the state the browser must carry back (in a cookie). */
  start(orgId: string, redirectUri: string): Promise<{ url: string; state: string }>;
  /** Completes the flow the callback URL belongs to; `cookieState` is the state the browser holds. */
  finish(callbackUrl: URL, cookieState: string | undefined): Promise<SignedIn>;
}

const unreachable = (provider: IdentityProviderRecord, error: unknown) =>
  new SetuError('SETU_ERR_USERS_IDP_UNREACHABLE', `The identity provider ${provider.issuer} could not be reached: ${(error as Error).message}`, { issuer: provider.issuer, orgId: provider.orgId });
/** A failure to talk to the provider at all (fetch's TypeError), not a refusal in its answer. */
const isNetworkError = (error: unknown) => error instanceof TypeError || (error instanceof Error && error.cause instanceof Error && /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|fetch failed/.test(`${error.message} ${error.cause.message}`));

const refused = (message: string, details: Record<string, unknown> = {}) => new SetuError('SETU_ERR_USERS_SIGN_IN_FAILED', message, details);

export interface SsoOptions {
  /**
   * Link an existing person of the provider's organisation, with no identity yet, whose e-mail
   * equals the `email` claim, when the provider asserts `email_verified: true` (node.json
   * `ssoLinkVerifiedEmail`; default true).
   */
  readonly linkVerifiedEmail?: boolean | undefined;
}

export function ssoService(deps: UsersDeps, options: SsoOptions = {}): SsoService {
  const flows = new Map<string, PendingFlow>();

  async function configOf(provider: IdentityProviderRecord): Promise<oidc.Configuration> {
    const issuer = new URL(provider.issuer);
    const auth = provider.clientSecret === null ? oidc.None() : oidc.ClientSecretPost(provider.clientSecret);
    try {
      return await oidc.discovery(issuer, provider.clientId, undefined, auth, isLoopbackUrl(issuer) && issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : undefined);
    } catch (error) {
      throw unreachable(provider, error);
    }
  }

  function sweep(now: number): void {
    for (const [state, flow] of flows) if (now - flow.startedAt >= FLOW_TTL_MS) flows.delete(state);
  }

  return {
    async start(orgId, redirectUri) {
      const provider = await deps.store.users.getIdentityProvider(orgId);
      if (provider === undefined) throw new SetuError('SETU_ERR_API_NOT_FOUND', `Organisation ${orgId} has no identity provider.`, { orgId });
      const config = await configOf(provider);
      const verifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const now = deps.clock();
      sweep(now);
      flows.set(state, { orgId, verifier, nonce, redirectUri, startedAt: now });
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: SSO_SCOPE,
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url: url.href, state };
    },

    async finish(callbackUrl, cookieState) {
      const state = callbackUrl.searchParams.get('state') ?? '';
      const flow = flows.get(state);
      flows.delete(state);
      if (flow === undefined || deps.clock() - flow.startedAt >= FLOW_TTL_MS) throw refused('The sign-in flow is unknown or expired; start again.');
      if (cookieState !== state) throw refused('The sign-in flow was started in another browser.');
      const provider = await deps.store.users.getIdentityProvider(flow.orgId);
      if (provider === undefined) throw refused('The organisation no longer has an identity provider.');
      const config = await configOf(provider);
      const callback = new URL(flow.redirectUri);
      callback.search = callbackUrl.search;
      let claims: oidc.IDToken | undefined;
      try {
        const tokens = await oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: flow.verifier, expectedState: state, expectedNonce: flow.nonce, idTokenExpected: true });
        claims = tokens.claims();
      } catch (error) {
        if (isNetworkError(error)) throw unreachable(provider, error);
        throw refused(`The identity provider's answer was refused: ${(error as Error).message}`, { orgId: flow.orgId });
      }
      if (claims === undefined || claims.iss !== provider.issuer) throw refused('The ID token is not from the organisation\'s issuer.', { orgId: flow.orgId });
      const user = await personFor(deps, provider, claims, options.linkVerifiedEmail !== false);
      const session = await startSession(deps, user, 'oidc');
      await deps.audit?.record({ action: 'user.sign-in', actor: sessionActor(user, session.record), target: { userId: user.id, orgId: user.orgId }, details: { method: 'oidc', issuer: provider.issuer } });
      return { user, session };
    },
  };
}

async function personFor(deps: UsersDeps, provider: IdentityProviderRecord, claims: oidc.IDToken, linkVerifiedEmail: boolean): Promise<UserRecord> {
  const role = roleFromClaims(claims, provider);
  const known = (await deps.store.users.findUserBySubject(provider.issuer, claims.sub)) ?? (linkVerifiedEmail ? await linkByVerifiedEmail(deps, provider, claims, role) : undefined);
  if (known !== undefined) {
    if (known.orgId !== provider.orgId) throw refused('This person belongs to another organisation.', { userId: known.id });
    if (known.disabledAt !== null) throw refused('This person is disabled.', { userId: known.id });
    if (role === undefined) throw refused('No role is mapped for this person\'s claims.', { userId: known.id });
    if (role === known.role) return known;
    const updated = (await deps.store.users.updateUser(known.id, { role }))!;
    await deps.audit?.record({ action: 'admin.user', actor: { orgId: provider.orgId, tokenId: null, role: null, channel: 'api', userId: known.id }, target: { userId: known.id, orgId: known.orgId }, details: { change: 'role', from: known.role, to: role, by: 'sso-claims' } });
    return updated;
  }
  if (!provider.jit) throw refused('This person is not known here and the organisation does not provision people on first sign-in.');
  if (role === undefined) throw refused('No role is mapped for this person\'s claims.');
  const email = typeof claims['email'] === 'string' ? claims['email'].toLowerCase() : undefined;
  if (email === undefined) throw refused('The identity provider sent no e-mail claim.');
  if ((await deps.store.users.findUserByEmail(email)) !== undefined) throw refused(`A person with the e-mail ${email} exists already without this sign-in; an admin must link or reset them.`);
  const name = typeof claims['name'] === 'string' && claims['name'] !== '' ? claims['name'] : email;
  const user = freshUser({ id: deps.newId(), orgId: provider.orgId, role, displayName: name, email, language: 'en', createdAt: isoMicros(deps.clock()), oidcIssuer: provider.issuer, oidcSubject: claims.sub });
  await deps.store.users.createUser(user);
  await deps.audit?.record({ action: 'admin.user', actor: { orgId: provider.orgId, tokenId: null, role: null, channel: 'api', userId: user.id }, target: { userId: user.id, orgId: user.orgId }, details: { change: 'create', role, email, by: 'sso-jit', issuer: provider.issuer } });
  return user;
}

/** A person of the provider's organisation without an identity, whose e-mail the provider verified. */
async function linkByVerifiedEmail(deps: UsersDeps, provider: IdentityProviderRecord, claims: oidc.IDToken, role: string | undefined): Promise<UserRecord | undefined> {
  if (claims['email_verified'] !== true || typeof claims['email'] !== 'string' || role === undefined) return undefined;
  const user = await deps.store.users.findUserByEmail(claims['email'].toLowerCase());
  if (user === undefined || user.orgId !== provider.orgId || user.oidcIssuer !== null || user.disabledAt !== null) return undefined;
  return linkIdentity(deps, { orgId: provider.orgId, tokenId: null, role: null, channel: 'api', userId: user.id }, user, provider.issuer, claims.sub, 'sso-verified-email');
}
