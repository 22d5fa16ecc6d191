// Posts STIX objects (sightings and their evidence) to a collection of a TAXII 2.1 server: finds
// the API root through discovery (or takes an API-root URL as given), POSTs envelopes in batches
// to <api-root>/collections/<id>/objects/, and polls each status resource until it is complete.
import { setTimeout as sleep } from 'node:timers/promises';
import { fetch } from 'undici';
import { SetuError } from '../errors/index.js';

export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';

export interface ReportTarget {
  /** Server base URL, discovery URL (…/taxii2/) or API-root URL. */
  readonly server: string;
  readonly token: string;
  readonly collection: string;
}

export interface ReportOptions {
  readonly batchSize?: number;
  readonly pollIntervalMs?: number;
  readonly maxPolls?: number;
}

export interface StatusSummary {
  readonly id: string;
  readonly status: string;
  readonly totalCount: number;
  readonly successCount: number;
  readonly failureCount: number;
  readonly pendingCount: number;
  readonly failures: readonly { id: string; message?: string }[];
}

export interface ReportResult {
  readonly apiRoot: string;
  readonly posted: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly statuses: readonly StatusSummary[];
}

function failed(message: string, details: Record<string, unknown> = {}): never {
  throw new SetuError('SETU_ERR_DETECT_REPORT_FAILED', message, details);
}

async function call(url: string, token: string, init: { method: 'GET' | 'POST'; body?: string }): Promise<unknown> {
  let response;
  try {
    response = await fetch(url, {
      method: init.method,
      headers: {
        accept: TAXII_MEDIA_TYPE,
        authorization: `Bearer ${token}`,
        ...(init.body === undefined ? {} : { 'content-type': TAXII_MEDIA_TYPE }),
      },
      ...(init.body === undefined ? {} : { body: init.body }),
    });
  } catch (error) {
    failed(`${init.method} ${url}: ${(error as Error).message}`, { url });
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = text;
  }
  if (!response.ok) {
    const detail = typeof body === 'object' && body !== null ? ((body as Record<string, unknown>)['title'] ?? (body as Record<string, unknown>)['description']) : body;
    failed(`${init.method} ${url}: HTTP ${response.status}${detail ? `: ${String(detail)}` : ''}`, { url, status: response.status });
  }
  return body;
}

async function apiRootOf(target: ReportTarget): Promise<string> {
  const url = new URL(target.server);
  const path = url.pathname.replace(/\/+$/, '');
  if (path !== '' && path !== '/taxii2') return `${url.origin}${path}/`;
  const discovery = `${url.origin}/taxii2/`;
  const body = (await call(discovery, target.token, { method: 'GET' })) as { default?: unknown; api_roots?: unknown };
  const roots = Array.isArray(body?.api_roots) ? body.api_roots : [];
  const chosen = typeof body?.default === 'string' ? body.default : roots[0];
  if (typeof chosen !== 'string') failed(`${discovery} names no API root`, { url: discovery });
  const root = new URL(chosen, discovery).toString();
  return root.endsWith('/') ? root : `${root}/`;
}

function summarise(body: unknown): StatusSummary {
  const s = (body ?? {}) as Record<string, unknown>;
  const num = (key: string): number => (typeof s[key] === 'number' ? (s[key] as number) : 0);
  const failures = Array.isArray(s['failures']) ? (s['failures'] as { id: string; message?: string }[]) : [];
  return {
    id: String(s['id']),
    status: String(s['status']),
    totalCount: num('total_count'),
    successCount: num('success_count'),
    failureCount: num('failure_count'),
    pendingCount: num('pending_count'),
    failures: failures.map((f) => ({ id: f.id, ...(f.message === undefined ? {} : { message: f.message }) })),
  };
}

export async function postObjects(target: ReportTarget, objects: readonly Record<string, unknown>[], options: ReportOptions = {}): Promise<ReportResult> {
  const apiRoot = await apiRootOf(target);
  const batchSize = Math.max(1, options.batchSize ?? 500);
  const statuses: StatusSummary[] = [];
  const objectsUrl = `${apiRoot}collections/${encodeURIComponent(target.collection)}/objects/`;
  for (let i = 0; i < objects.length; i += batchSize) {
    const batch = objects.slice(i, i + batchSize);
    let status = summarise(await call(objectsUrl, target.token, { method: 'POST', body: JSON.stringify({ objects: batch }) }));
    for (let polls = 0; status.status !== 'complete'; polls++) {
      if (polls >= (options.maxPolls ?? 50)) failed(`status ${status.id} still ${status.status} after ${polls} polls`, { status: status.id });
      await sleep(options.pollIntervalMs ?? 200);
      status = summarise(await call(`${apiRoot}status/${encodeURIComponent(status.id)}/`, target.token, { method: 'GET' }));
    }
    statuses.push(status);
  }
  return {
    apiRoot,
    posted: objects.length,
    succeeded: statuses.reduce((n, s) => n + s.successCount, 0),
    failed: statuses.reduce((n, s) => n + s.failureCount, 0),
    statuses,
  };
}
