// A TAXII 2.1 client over undici, for any TAXII 2.1 server (Setu or not): discovery to the API
// root, Get Objects pages (raw object texts kept byte for byte), Add Objects, Get Status. Every
// request has a deadline; HTTP errors and unreachable peers become SETU_ERR_SYNC_HTTP, malformed
// answers SETU_ERR_SYNC_PROTOCOL. Credentials go in the Authorization header only, never in logs.
import { readFileSync } from 'node:fs';
import { Agent, request, type Dispatcher } from 'undici';
import { SetuError } from '../errors/index.js';
import { splitBundle } from '../ingest/index.js';
import type { PeerAuth, PeerTls } from '../store/index.js';

export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';

export interface TaxiiClientOptions {
  readonly url: string;
  readonly auth: PeerAuth;
  readonly tls: PeerTls | null;
  /** Deadline for headers and for the body of one request, ms. */
  readonly timeoutMs: number;
}

export interface ObjectsPage {
  /** Each object's exact JSON text. */
  readonly objects: readonly string[];
  readonly more: boolean;
  readonly next: string | undefined;
  readonly dateAddedFirst: string | undefined;
  readonly dateAddedLast: string | undefined;
}

export interface PageRequest {
  readonly addedAfter?: string | undefined;
  readonly next?: string | undefined;
  readonly limit?: number | undefined;
}

export interface RemoteStatus {
  readonly id: string;
  readonly status: string;
  readonly successes: readonly { id: string; version: string }[];
  readonly failures: readonly { id: string; version: string; message?: string }[];
  readonly pendings: readonly { id: string; version: string }[];
}

export interface TaxiiClient {
  apiRoot(): Promise<string>;
  getObjects(collectionId: string, page: PageRequest): Promise<ObjectsPage>;
  /** Posts an envelope body (exact bytes); answers the status resource. */
  addObjects(collectionId: string, body: Buffer, headers?: Record<string, string>): Promise<RemoteStatus>;
  getStatus(statusId: string): Promise<RemoteStatus>;
  close(): Promise<void>;
}

export function authorization(auth: PeerAuth): Record<string, string> {
  switch (auth.kind) {
    case 'token':
      return { authorization: `Bearer ${auth.token}` };
    case 'basic':
      return { authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` };
    case 'none':
      return {};
  }
}

export function dispatcherFor(options: TaxiiClientOptions): Agent {
  const tls = options.tls;
  const connect =
    tls === null
      ? {}
      : {
          ...(tls.certFile === undefined ? {} : { cert: readFileSync(tls.certFile) }),
          ...(tls.keyFile === undefined ? {} : { key: readFileSync(tls.keyFile) }),
          ...(tls.caFile === undefined ? {} : { ca: readFileSync(tls.caFile) }),
        };
  return new Agent({ connect, headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs, keepAliveTimeout: 10_000 });
}

const httpError = (message: string, details: Record<string, unknown> = {}) => new SetuError('SETU_ERR_SYNC_HTTP', message, details);
const protocolError = (message: string, details: Record<string, unknown> = {}) => new SetuError('SETU_ERR_SYNC_PROTOCOL', message, details);

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

function header(headers: Dispatcher.ResponseData['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function statusOf(value: unknown): RemoteStatus {
  if (typeof value !== 'object' || value === null) throw protocolError('the status resource is not a JSON object');
  const v = value as Record<string, unknown>;
  if (typeof v['id'] !== 'string' || typeof v['status'] !== 'string') throw protocolError('the status resource lacks "id" or "status"');
  const list = (key: string) => (Array.isArray(v[key]) ? (v[key] as { id: string; version: string; message?: string }[]) : []);
  return { id: v['id'], status: v['status'], successes: list('successes'), failures: list('failures'), pendings: list('pendings') };
}

export function createTaxiiClient(options: TaxiiClientOptions): TaxiiClient {
  const dispatcher = dispatcherFor(options);
  const auth = authorization(options.auth);
  let root: string | undefined;

  async function call(method: 'GET' | 'POST', url: string, body?: Buffer, extra: Record<string, string> = {}): Promise<{ text: string; headers: Dispatcher.ResponseData['headers'] }> {
    let response: Dispatcher.ResponseData;
    try {
      response = await request(url, {
        method,
        dispatcher,
        headers: { accept: TAXII_MEDIA_TYPE, ...auth, ...(body === undefined ? {} : { 'content-type': TAXII_MEDIA_TYPE }), ...extra },
        ...(body === undefined ? {} : { body }),
        signal: AbortSignal.timeout(options.timeoutMs * 2),
      });
    } catch (error) {
      throw httpError(`${method} ${url}: ${(error as Error).message}`, { url });
    }
    let text: string;
    try {
      text = await response.body.text();
    } catch (error) {
      throw httpError(`${method} ${url}: reading the answer failed: ${(error as Error).message}`, { url });
    }
    if (response.statusCode >= 300) {
      let title = '';
      try {
        const parsed = JSON.parse(text) as { title?: unknown; description?: unknown };
        title = [parsed.title, parsed.description].filter((x) => typeof x === 'string').join(': ');
      } catch {
        title = text.slice(0, 200);
      }
      throw httpError(`${method} ${url}: HTTP ${response.statusCode}${title === '' ? '' : ` (${title})`}`, { url, status: response.statusCode });
    }
    return { text, headers: response.headers };
  }

  async function json(method: 'GET' | 'POST', url: string, body?: Buffer, extra?: Record<string, string>): Promise<{ value: unknown; text: string; headers: Dispatcher.ResponseData['headers'] }> {
    const { text, headers } = await call(method, url, body, extra);
    try {
      return { value: text === '' ? {} : (JSON.parse(text) as unknown), text, headers };
    } catch {
      throw protocolError(`${method} ${url}: the answer is not JSON`, { url });
    }
  }

  async function apiRoot(): Promise<string> {
    if (root !== undefined) return root;
    const url = withSlash(options.url);
    const { value } = await json('GET', url);
    const doc = (value ?? {}) as Record<string, unknown>;
    if (Array.isArray(doc['api_roots'])) {
      const chosen = typeof doc['default'] === 'string' ? doc['default'] : doc['api_roots'][0];
      if (typeof chosen !== 'string') throw protocolError(`${url}: discovery lists no API root`, { url });
      root = withSlash(new URL(chosen, url).toString());
    } else if (Array.isArray(doc['versions'])) {
      root = url;
    } else {
      throw protocolError(`${url}: neither a TAXII discovery resource nor an API root`, { url });
    }
    return root;
  }

  return {
    apiRoot,
    async getObjects(collectionId, page) {
      const base = await apiRoot();
      const query = new URLSearchParams();
      if (page.addedAfter !== undefined) query.set('added_after', page.addedAfter);
      if (page.next !== undefined) query.set('next', page.next);
      if (page.limit !== undefined) query.set('limit', String(page.limit));
      const url = `${base}collections/${encodeURIComponent(collectionId)}/objects/${query.size > 0 ? `?${query.toString()}` : ''}`;
      const { value, text, headers } = await json('GET', url);
      const envelope = (value ?? {}) as Record<string, unknown>;
      if (envelope['objects'] !== undefined && !Array.isArray(envelope['objects'])) throw protocolError(`${url}: "objects" is not a list`, { url });
      const objects = envelope['objects'] === undefined ? [] : [...splitBundle(text)];
      const next = envelope['next'];
      return {
        objects,
        more: envelope['more'] === true,
        next: typeof next === 'string' && next !== '' ? next : undefined,
        dateAddedFirst: header(headers, 'x-taxii-date-added-first'),
        dateAddedLast: header(headers, 'x-taxii-date-added-last'),
      };
    },
    async addObjects(collectionId, body, headers) {
      const base = await apiRoot();
      const { value } = await json('POST', `${base}collections/${encodeURIComponent(collectionId)}/objects/`, body, headers);
      return statusOf(value);
    },
    async getStatus(statusId) {
      const base = await apiRoot();
      const { value } = await json('GET', `${base}status/${encodeURIComponent(statusId)}/`);
      return statusOf(value);
    },
    close: () => dispatcher.close(),
  };
}
