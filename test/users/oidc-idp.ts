// A real OpenID Connect provider (oidc-provider) on a loopback port, for sign-in tests: one public
// client with PKCE, accounts given by the test, and an interaction endpoint that signs in whichever
// account the test named (standing in for the provider's login page), then grants the scopes.
// `browse` follows the provider's redirects with a cookie jar, as a browser would, and returns the
// redirect to the client's callback.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface IdpAccount {
  readonly email: string;
  /** The email_verified claim (absent: true). */
  readonly emailVerified?: boolean;
  readonly name: string;
  readonly groups: readonly string[];
}

export interface TestIdp {
  readonly issuer: string;
  /** The account the next interaction signs in. */
  signInAs(accountId: string): void;
  /** Follows the authorization URL through the provider to the callback URL it redirects to. */
  browse(authorizationUrl: string): Promise<URL>;
  close(): Promise<void>;
}

export async function startIdp(clientId: string, redirectUri: string, accounts: Readonly<Record<string, IdpAccount>>): Promise<TestIdp> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, redirect_uris: [redirectUri], token_endpoint_auth_method: 'none', grant_types: ['authorization_code'], response_types: ['code'] }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    conformIdTokenClaims: false,
    findAccount: async (_ctx, id) => {
      const account = accounts[id];
      return account === undefined ? undefined : { accountId: id, claims: async () => ({ sub: id, email: account.email, email_verified: account.emailVerified ?? true, name: account.name, groups: [...account.groups] }) };
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  });
  let next: string | undefined;
  const handle = provider.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith('/interaction/')) {
      void (async () => {
        const details = await provider.interactionDetails(req, res);
        const accountId = next ?? '';
        const grant = new provider.Grant({ accountId, clientId: String(details.params['client_id']) });
        grant.addOIDCScope(String(details.params['scope']));
        const grantId = await grant.save();
        await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
      })().catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    void handle(req, res);
  });
  return {
    issuer,
    signInAs: (accountId) => {
      next = accountId;
    },
    async browse(authorizationUrl) {
      const jar = new Map<string, string>();
      let url = new URL(authorizationUrl);
      for (let hop = 0; hop < 10; hop += 1) {
        if (!url.href.startsWith(issuer)) return url;
        const res = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
        for (const c of res.headers.getSetCookie()) {
          const [pair] = c.split(';');
          const eq = pair!.indexOf('=');
          jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
        }
        const location = res.headers.get('location');
        if (location === null) throw new Error(`the provider answered ${res.status} without a redirect: ${await res.text()}`);
        url = new URL(location, url);
      }
      throw new Error('too many redirects');
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
