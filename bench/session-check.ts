// What a person's session adds to a request: the session check (cookie -> session row -> user row
// -> timeout verdict, the CSRF comparison on a state-changing request) on a file-backed SQLite
// store holding 10,000 users and 20,000 live sessions, called directly and through the JSON API.
//   direct      peopleAuth.resolve() per call, GET (no CSRF) and POST (CSRF checked)   target <= 50 µs
//   end to end  GET /api/v1/node with the session cookie against the same with an organisation
//               token, and an unauthenticated /healthz for scale, per request (inject)
// Run: node --import tsx bench/session-check.ts [--quick] [--calls N] [--users N]
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/app.js';
import { DEFAULT_NODE_CONFIG, createOrganisation, issueToken } from '../src/node/index.js';
import { openSqliteStore } from '../src/store/index.js';
import { CSRF_HEADER, SESSION_COOKIE, freshUser, peopleAuth, startSession } from '../src/users/index.js';
import { parseArgs } from './lib/args.js';
import { atMost, fmt, line } from './lib/report.js';
import { withTempDir } from './lib/temp-dir.js';

const TARGET_US = 50;
const args = parseArgs();
const calls = args.size('calls', 200_000, 1_000);
const users = args.size('users', 10_000, 10);
const requests = args.size('requests', 20_000, 500);

await withTempDir('session-check', async (dir) => {
  const clock = Date.now;
  const store = await openSqliteStore({ path: join(dir, 'setu.db'), clock });
  const info = { nodeName: 'bench', country: 'IN', createdAt: new Date().toISOString() };
  await store.initNode(info);
  await createOrganisation(store, { id: 'cert-in', name: 'CERT-In' }, clock);
  const deps = { store, clock, newId: randomUUID };
  const sessions: { secret: string; csrf: string }[] = [];
  for (let i = 0; i < users; i += 1) {
    const user = freshUser({ id: randomUUID(), orgId: 'cert-in', role: 'analyst', displayName: `User ${i}`, email: `user${i}@cert-in.example`, language: 'en', createdAt: new Date().toISOString() });
    await store.users.createUser(user);
    for (let s = 0; s < 2; s += 1) {
      const session = await startSession(deps, user, 'password');
      sessions.push({ secret: session.secret, csrf: session.csrfToken });
    }
  }
  console.log(`session check: ${fmt(users)} users, ${fmt(sessions.length)} sessions, SQLite file (WAL)`);

  const auth = peopleAuth(deps);
  const direct = async (method: string, withCsrf: boolean): Promise<number> => {
    const start = performance.now();
    for (let i = 0; i < calls; i += 1) {
      const s = sessions[(i * 7919) % sessions.length]!;
      await auth.resolve({ method, headers: withCsrf ? { [CSRF_HEADER]: s.csrf } : {}, cookies: { [SESSION_COOKIE]: s.secret } });
    }
    return ((performance.now() - start) * 1000) / calls;
  };
  await direct('GET', false); // warm-up: statements prepared, pages cached
  const getUs = await direct('GET', false);
  const postUs = await direct('POST', true);
  line('direct GET', `${fmt(getUs, 2)} µs per check ${atMost(getUs, TARGET_US, 'µs')}`);
  line('direct POST + CSRF', `${fmt(postUs, 2)} µs per check ${atMost(postUs, TARGET_US, 'µs')}`);

  const app = await buildApp({ store, config: DEFAULT_NODE_CONFIG, info, clock, newId: randomUUID, logger: false, version: 'bench' });
  const token = (await issueToken(store, { orgId: 'cert-in', role: 'analyst' }, clock, randomUUID)).secret;
  const perRequest = async (headers: (i: number) => Record<string, string>, url = '/api/v1/node'): Promise<number> => {
    const start = performance.now();
    for (let i = 0; i < requests; i += 1) {
      const res = await app.http.inject({ method: 'GET', url, headers: headers(i) });
      if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}: ${res.body}`);
    }
    return ((performance.now() - start) * 1000) / requests;
  };
  const bySession = (i: number) => ({ cookie: `${SESSION_COOKIE}=${sessions[(i * 7919) % sessions.length]!.secret}` });
  const byToken = () => ({ authorization: `Bearer ${token}` });
  await perRequest(bySession);
  await perRequest(byToken);
  const sessionUs = await perRequest(bySession);
  const tokenUs = await perRequest(byToken);
  const noAuthUs = await perRequest(() => ({}), '/healthz');
  line('GET /api/v1/node', `session ${fmt(sessionUs, 1)} µs, organisation token ${fmt(tokenUs, 1)} µs per request (inject)`);
  line('session vs token', `${fmt(sessionUs - tokenUs, 1)} µs per request`);
  line('healthz (no auth)', `${fmt(noAuthUs, 1)} µs per request, for scale`);
  await app.http.close();
  await store.close();
});
