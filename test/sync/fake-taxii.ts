// A small TAXII 2.1 server that is not Setu, for pull tests: it keeps objects with explicit
// date_added values (many equal), sorts by date_added, answers `more`, the X-TAXII-Date-Added
// headers, and, depending on its mode, offers `next` or not and honours `limit` or not.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeEntry {
  readonly dateAdded: string;
  readonly json: string;
}

export interface FakeTaxii {
  readonly url: string;
  readonly entries: FakeEntry[];
  /** Requests served to the objects endpoint (query strings). */
  readonly requests: string[];
  close(): Promise<void>;
}

export interface FakeMode {
  readonly next: boolean;
  readonly honoursLimit: boolean;
  readonly maxPage?: number;
}

const MEDIA = 'application/taxii+json;version=2.1';

const micros = (t: string): number => Date.parse(`${t.slice(0, 19)}Z`) * 1000 + Number(((/\.(\d+)/.exec(t)?.[1] ?? '') + '000000').slice(0, 6));

export async function startFakeTaxii(mode: FakeMode): Promise<FakeTaxii> {
  const entries: FakeEntry[] = [];
  const requests: string[] = [];
  let server: Server;
  const send = (res: import('node:http').ServerResponse, status: number, body: string, headers: Record<string, string> = {}) =>
    res.writeHead(status, { 'content-type': MEDIA, ...headers }).end(body);
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/taxii2/') return send(res, 200, JSON.stringify({ title: 'fake', api_roots: ['/api1/'], default: '/api1/' }));
    if (url.pathname === '/api1/') return send(res, 200, JSON.stringify({ title: 'api1', versions: [MEDIA], max_content_length: 1e7 }));
    const match = /^\/api1\/collections\/([^/]+)\/objects\/$/.exec(url.pathname);
    if (match === null) return send(res, 404, '{"title":"not found"}');
    requests.push(url.search);
    const after = url.searchParams.get('added_after');
    const limitParam = Number(url.searchParams.get('limit') ?? '100');
    const limit = Math.min(mode.honoursLimit ? limitParam : entries.length || 1, mode.maxPage ?? Infinity);
    const offset = mode.next ? Number(url.searchParams.get('next') ?? '0') : 0;
    const sorted = entries.map((e, i) => ({ ...e, i })).sort((a, b) => (a.dateAdded < b.dateAdded ? -1 : a.dateAdded > b.dateAdded ? 1 : a.i - b.i));
    const matching = sorted.filter((e) => after === null || micros(e.dateAdded) > micros(after));
    const page = matching.slice(offset, offset + limit);
    const more = offset + page.length < matching.length;
    const envelope = `{"more":${more}${more && mode.next ? `,"next":"${offset + page.length}"` : ''},"objects":[${page.map((e) => e.json).join(',')}]}`;
    const headers: Record<string, string> = page.length === 0 ? {} : { 'X-TAXII-Date-Added-First': page[0]?.dateAdded ?? '', 'X-TAXII-Date-Added-Last': page.at(-1)?.dateAdded ?? '' };
    return send(res, 200, page.length === 0 ? '{"more":false}' : envelope, headers);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/taxii2/`,
    entries,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
