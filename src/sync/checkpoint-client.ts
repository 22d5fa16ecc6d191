// The HTTP side of audit checkpoints between Setu nodes: push one to a peer, and read back the
// checkpoints a peer holds for this node. Both go to the peer's JSON API (/api/v1 on the origin of
// its TAXII URL, as `setu serve` lays a node out), with the same credentials and TLS settings as
// its TAXII client. Failures become SETU_ERR_SYNC_HTTP; malformed answers SETU_ERR_SYNC_PROTOCOL.
import { request, type Dispatcher } from 'undici';
import { parseCheckpoint, type AuditCheckpoint } from '../access/audit/index.js';
import { SetuError } from '../errors/index.js';
import { authorization, dispatcherFor, type TaxiiClientOptions } from './taxii-client.js';

/** Checkpoints asked for per page when reading back what a peer holds. */
export const HELD_PAGE = 1000;

export interface CheckpointClient {
  /** Answers whether the peer stored it (false: it held that checkpoint already). */
  push(checkpoint: AuditCheckpoint): Promise<{ readonly stored: boolean }>;
  /** Every checkpoint the peer holds for the node, ascending by count. */
  held(nodeId: string): Promise<AuditCheckpoint[]>;
  close(): Promise<void>;
}

/** The JSON API base of a peer: /api/v1/ on the origin of its TAXII discovery or API root URL. */
export function peerApiBase(peerUrl: string): string {
  return new URL('/api/v1/', peerUrl).toString();
}

const httpError = (message: string, details: Record<string, unknown>) => new SetuError('SETU_ERR_SYNC_HTTP', message, details);
const protocolError = (message: string, details: Record<string, unknown>) => new SetuError('SETU_ERR_SYNC_PROTOCOL', message, details);

export function createCheckpointClient(options: TaxiiClientOptions): CheckpointClient {
  const dispatcher = dispatcherFor(options);
  const base = peerApiBase(options.url);
  const auth = authorization(options.auth);

  async function call(method: 'GET' | 'POST', url: string, body?: unknown): Promise<unknown> {
    let response: Dispatcher.ResponseData;
    let text: string;
    try {
      response = await request(url, {
        method,
        dispatcher,
        headers: { accept: 'application/json', ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(options.timeoutMs * 2),
      });
      text = await response.body.text();
    } catch (error) {
      throw httpError(`${method} ${url}: ${(error as Error).message}`, { url });
    }
    let value: unknown;
    try {
      value = text === '' ? {} : JSON.parse(text);
    } catch {
      throw response.statusCode >= 300 ? httpError(`${method} ${url}: HTTP ${response.statusCode}`, { url, status: response.statusCode }) : protocolError(`${method} ${url}: the answer is not JSON`, { url });
    }
    if (response.statusCode >= 300) {
      const description = (value as { description?: unknown }).description;
      throw httpError(`${method} ${url}: HTTP ${response.statusCode}${typeof description === 'string' ? ` (${description})` : ''}`, { url, status: response.statusCode });
    }
    return value;
  }

  return {
    async push(checkpoint) {
      const answer = (await call('POST', `${base}audit/checkpoints`, { checkpoint })) as { stored?: unknown };
      if (typeof answer.stored !== 'boolean') throw protocolError(`${base}audit/checkpoints: the answer lacks "stored"`, { url: base });
      return { stored: answer.stored };
    },
    async held(nodeId) {
      const found: AuditCheckpoint[] = [];
      let after = -1;
      for (;;) {
        const query = new URLSearchParams({ node: nodeId, limit: String(HELD_PAGE), ...(after >= 0 ? { after: String(after) } : {}) });
        const url = `${base}audit/checkpoints?${query.toString()}`;
        const answer = (await call('GET', url)) as { checkpoints?: unknown; more?: unknown };
        if (!Array.isArray(answer.checkpoints)) throw protocolError(`${url}: the answer lacks "checkpoints"`, { url });
        let page: AuditCheckpoint[];
        try {
          page = answer.checkpoints.map((c) => parseCheckpoint(c));
        } catch (error) {
          throw protocolError(`${url}: ${(error as Error).message}`, { url });
        }
        found.push(...page);
        const last = page.at(-1);
        if (answer.more !== true || last === undefined || last.count <= after) return found;
        after = last.count;
      }
    },
    close: () => dispatcher.close(),
  };
}
