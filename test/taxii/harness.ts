// Builds a Fastify app with the TAXII plugin over a real in-memory SQLite store, with three
// organisations, tokens of several roles, and collections with different audiences.
// Requests go through inject(): no sockets.

import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { randomUUID } from 'node:crypto';
import { newToken } from '../../src/access/index.js';
import type { AddedObject } from '../../src/ingest/index.js';
import { openSqliteStore, type Role, type Store } from '../../src/store/index.js';
import { taxiiPlugin, type TaxiiPluginOptions } from '../../src/taxii/index.js';

export const TAXII = 'application/taxii+json;version=2.1';
export const ROOT = '/taxii2/setu';
export const START = Date.parse('2026-03-01T00:00:00.000Z');

export const COLLECTIONS = {
  /** IN and JP read; IN writes. */
  shared: '11111111-1111-4111-8111-111111111111',
  /** Only IN. */
  private: '22222222-2222-4222-8222-222222222222',
  /** JP may only write (a drop box). */
  dropbox: '33333333-3333-4333-8333-333333333333',
} as const;

export const NO_SUCH_COLLECTION = '99999999-9999-4999-8999-999999999999';

type TokenName = 'admin' | 'inAnalyst' | 'jpAnalyst' | 'jpReader' | 'xxAnalyst' | 'revoked' | 'expired';

export interface Harness {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly tokens: Record<TokenName, string>;
  readonly events: AddedObject[][];
  advance(ms: number): void;
  /** Sets the clock (epoch ms) seen by the store and the plugin. */
  setTime(ms: number): void;
  get(url: string, token?: TokenName | null, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body: string | object, token?: TokenName | null, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  del(url: string, token?: TokenName | null): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function makeHarness(overrides: Partial<TaxiiPluginOptions> = {}): Promise<Harness> {
  let now = START;
  const clock = () => now;
  const store = await openSqliteStore({ path: ':memory:', clock });
  const createdAt = new Date(START).toISOString();
  for (const [id, country] of [['org-in', 'IN'], ['org-jp', 'JP'], ['org-xx', 'XX']] as const) {
    await store.createOrganisation({ id, name: id, country, createdAt });
  }
  const tokens = {} as Record<TokenName, string>;
  const specs: [TokenName, string, Role, Partial<{ expiresAt: string; revoked: boolean }>][] = [
    ['admin', 'org-xx', 'node-admin', {}],
    ['inAnalyst', 'org-in', 'analyst', {}],
    ['jpAnalyst', 'org-jp', 'analyst', {}],
    ['jpReader', 'org-jp', 'reader', {}],
    ['xxAnalyst', 'org-xx', 'analyst', {}],
    ['revoked', 'org-in', 'analyst', { revoked: true }],
    ['expired', 'org-in', 'analyst', { expiresAt: '2026-02-01T00:00:00.000Z' }],
  ];
  for (const [name, orgId, role, extra] of specs) {
    const { secret, record } = newToken({ orgId, role, label: name, now: createdAt, newId: randomUUID, expiresAt: extra.expiresAt ?? null });
    await store.createToken(record);
    if (extra.revoked === true) await store.revokeToken(record.id, createdAt);
    tokens[name] = secret;
  }
  const collection = (id: string, title: string, readOrgs: string[], writeOrgs: string[]) =>
    store.createCollection({ id, title, description: `${title} collection`, alias: null, readOrgs, writeOrgs, mediaTypes: [], createdAt });
  await collection(COLLECTIONS.shared, 'Shared', ['org-in', 'org-jp'], ['org-in']);
  await collection(COLLECTIONS.private, 'Private', ['org-in'], ['org-in']);
  await collection(COLLECTIONS.dropbox, 'Drop box', [], ['org-jp']);

  const events: AddedObject[][] = [];
  const app = Fastify({ logger: false });
  await app.register(taxiiPlugin, {
    store,
    clock,
    newId: randomUUID,
    events: { emit: (_event, records) => events.push([...records]) },
    title: 'Setu test node',
    description: 'A TAXII server under test',
    contact: 'cert@example.org',
    maxContentLength: 1_000_000,
    ...overrides,
  });
  await app.ready();

  const auth = (token: TokenName | null | undefined): Record<string, string> =>
    token === null ? {} : { authorization: `Bearer ${tokens[token ?? 'admin']}` };
  return {
    app,
    store,
    tokens,
    events,
    advance: (ms) => {
      now += ms;
    },
    setTime: (ms) => {
      now = ms;
    },
    get: (url, token, headers = {}) => app.inject({ method: 'GET', url, headers: { accept: TAXII, ...auth(token), ...headers } }),
    post: (url, body, token, headers = {}) =>
      app.inject({
        method: 'POST',
        url,
        payload: typeof body === 'string' ? body : JSON.stringify(body),
        headers: { accept: TAXII, 'content-type': TAXII, ...auth(token), ...headers },
      }),
    del: (url, token) => app.inject({ method: 'DELETE', url, headers: { accept: TAXII, ...auth(token) } }),
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

/** A deterministic UUIDv4-shaped identifier from a number. */
export function uuid(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

/** A valid STIX 2.1 course-of-action. */
export function coa(n: number, modified = '2026-01-01T00:00:00.000Z', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'course-of-action', spec_version: '2.1', id: `course-of-action--${uuid(n)}`, created: '2026-01-01T00:00:00.000Z', modified, name: `Course of action ${n}`, ...extra };
}

/** A valid STIX 2.1 attack-pattern. */
export function attackPattern(n: number, modified = '2026-01-01T00:00:00.000Z'): Record<string, unknown> {
  return { type: 'attack-pattern', spec_version: '2.1', id: `attack-pattern--${uuid(n)}`, created: '2026-01-01T00:00:00.000Z', modified, name: `Attack pattern ${n}` };
}

export function envelope(objects: readonly unknown[]): string {
  return JSON.stringify({ objects });
}

export function objectsUrl(collection: string = COLLECTIONS.shared): string {
  return `${ROOT}/collections/${collection}/objects/`;
}

export function json(response: LightMyRequestResponse): Record<string, unknown> {
  return JSON.parse(response.body) as Record<string, unknown>;
}
