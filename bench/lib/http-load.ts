// The load generator: an undici pool with keep-alive and one connection per worker, a fixed
// number of workers each running its own sequential chain of requests, and per-request latency.
import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';

export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';

export interface TaxiiResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
  readonly ms: number;
}

export interface TaxiiClient {
  get(path: string): Promise<TaxiiResponse>;
  post(path: string, body: Buffer): Promise<TaxiiResponse>;
  close(): Promise<void>;
}

export function createTaxiiClient(baseUrl: string, token: string, connections: number): TaxiiClient {
  const pool = new Pool(baseUrl, { connections, pipelining: 1, keepAliveTimeout: 60_000, bodyTimeout: 120_000, headersTimeout: 120_000 });
  const headers = { authorization: `Bearer ${token}`, accept: TAXII_MEDIA_TYPE };
  const send = async (method: 'GET' | 'POST', path: string, body?: Buffer): Promise<TaxiiResponse> => {
    const started = performance.now();
    const res = await pool.request({
      method,
      path,
      headers: body === undefined ? headers : { ...headers, 'content-type': TAXII_MEDIA_TYPE },
      ...(body === undefined ? {} : { body }),
    });
    const text = await res.body.text();
    return { status: res.statusCode, headers: res.headers, body: text, ms: performance.now() - started };
  };
  return {
    get: (path) => send('GET', path),
    post: (path, body) => send('POST', path, body),
    close: () => pool.close(),
  };
}

export function header(res: TaxiiResponse, name: string): string | undefined {
  const value = res.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** Runs `workers` async loops side by side and returns the wall time in seconds. */
export async function runWorkers(workers: number, work: (worker: number) => Promise<void>): Promise<number> {
  const started = performance.now();
  await Promise.all(Array.from({ length: workers }, (_, i) => work(i)));
  return (performance.now() - started) / 1000;
}

/** CPU seconds (user + system) this process has used. */
export function ownCpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}
