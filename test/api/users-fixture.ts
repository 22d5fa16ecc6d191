// The people fixture shared by the users API tests: an in-memory SQLite node with three
// organisations, an organisation token for each admin, inject() helpers, and a clock to move.
import { randomUUID } from 'node:crypto';
import { buildApp } from '../../src/app.js';
import { DEFAULT_NODE_CONFIG, createOrganisation, issueToken } from '../../src/node/index.js';
import { openSqliteStore } from '../../src/store/index.js';

export const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
export const PASSWORD = 'violet kettle harbour 1987 sings';
export const TAXII = 'application/taxii+json;version=2.1';
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export async function fixture(config = DEFAULT_NODE_CONFIG, plainHttpLoopback = false) {
  let now = T0;
  const clock = () => now;
  const store = await openSqliteStore({ path: ':memory:', clock });
  const info = { nodeName: 'people-node', country: 'IN', createdAt: new Date(T0).toISOString() };
  await store.initNode(info);
  for (const id of ['home', 'cert-in', 'jpcert']) await createOrganisation(store, { id, name: id.toUpperCase() }, clock);
  const token = async (orgId: string, role: string) => (await issueToken(store, { orgId, role }, clock, randomUUID)).secret;
  const tokens = { admin: await token('home', 'node-admin'), certInAdmin: await token('cert-in', 'org-admin'), jpcertAdmin: await token('jpcert', 'org-admin') };
  const app = await buildApp({ store, config, info, clock, newId: randomUUID, logger: false, version: 'test', plainHttpLoopback });
  const call = (method: Method, url: string, auth: { bearer?: string; cookie?: string; csrf?: string } = {}, payload?: unknown) =>
    app.http.inject({
      method,
      url: `/api/v1${url}`,
      headers: {
        ...(auth.bearer ? { authorization: `Bearer ${auth.bearer}` } : {}),
        ...(auth.cookie ? { cookie: `setu_session=${auth.cookie}` } : {}),
        ...(auth.csrf ? { 'x-setu-csrf': auth.csrf } : {}),
      },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const signIn = async (email: string, extra: Record<string, string> = {}, password = PASSWORD) => {
    const res = await call('POST', '/auth/sign-in', {}, { email, password, ...extra });
    const cookie = res.cookies.find((c) => c.name === 'setu_session');
    return { res, cookie: cookie?.value, csrf: res.statusCode === 200 ? (res.json().csrfToken as string) : undefined, set: cookie };
  };
  const addUser = async (bearer: string, body: Record<string, unknown>) => call('POST', '/users', { bearer }, { displayName: 'Someone', role: 'analyst', password: PASSWORD, ...body });
  return { store, app, tokens, call, signIn, addUser, tick: (ms: number) => (now += ms), close: async () => (await app.http.close(), await store.close()) };
}

