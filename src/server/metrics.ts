// Prometheus metrics for one app instance. The registry is created per app (never a module-level
// default registry) so that several apps in one process, as in tests, do not share counters.
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { Type } from 'typebox';
import { ERROR_BODY_SCHEMA } from '../taxii/index.js';

export interface Metrics {
  readonly registry: Registry;
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  readonly httpDuration: Histogram<'method' | 'route'>;
  readonly objectsIngested: Counter;
  readonly objectsRejected: Counter;
}

export function createMetrics(countStoredObjects: () => Promise<number>): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'setu_' });
  const httpRequests = new Counter({
    name: 'setu_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: 'setu_http_request_duration_seconds',
    help: 'Time from request received to response sent, by method and route pattern.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const objectsIngested = new Counter({
    name: 'setu_objects_ingested_total',
    help: 'STIX object versions accepted and committed (idempotent re-posts included).',
    registers: [registry],
  });
  const objectsRejected = new Counter({
    name: 'setu_objects_rejected_total',
    help: 'STIX objects refused by TAXII Add Objects on this process (validation failures, onward-rule refusals, version conflicts).',
    registers: [registry],
  });
  new Gauge({
    name: 'setu_objects_stored',
    help: 'Object versions held in the store, across all collections.',
    registers: [registry],
    async collect() {
      this.set(await countStoredObjects());
    },
  });
  return { registry, httpRequests, httpDuration, objectsIngested, objectsRejected };
}

/** Counts and times every response, and serves the registry at GET /metrics. */
export function installMetrics(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
  app.get(
    '/metrics',
    {
      schema: {
        operationId: 'getMetrics',
        summary: 'Prometheus metrics',
        description: 'Requests, latency, objects ingested and rejected, process figures, in Prometheus text format.',
        tags: ['operations'],
        response: {
          200: { description: 'The metrics in Prometheus text exposition format 0.0.4.', content: { 'text/plain': { schema: Type.String() } } },
          500: { description: 'The server failed.', content: { 'application/json': { schema: ERROR_BODY_SCHEMA } } },
        },
      },
    },
    async (_request, reply) => {
      reply.header('content-type', metrics.registry.contentType);
      return metrics.registry.metrics();
    },
  );
}

/** Per-subscription federation figures, as `setu peer status` computes them. */
export interface SyncGaugeRow {
  readonly peer: string;
  readonly direction: string;
  readonly subscription: string;
  readonly lagObjects: number | null;
  readonly lagSeconds: number | null;
  readonly queueDepth: number;
  readonly lastSuccessAt: string | null;
  readonly lastErrorAt: string | null;
}

/** Registers per-peer federation gauges, read from `rows` at each scrape. */
export function installSyncGauges(metrics: Metrics, rows: () => Promise<readonly SyncGaugeRow[]>): void {
  const labelNames = ['peer', 'direction', 'subscription'] as const;
  const gauge = (name: string, help: string, value: (row: SyncGaugeRow) => number | null) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers: [metrics.registry],
      async collect() {
        this.reset();
        for (const row of await rows()) {
          const v = value(row);
          if (v !== null) this.set({ peer: row.peer, direction: row.direction, subscription: row.subscription }, v);
        }
      },
    });
  const epoch = (iso: string | null) => (iso === null ? null : Date.parse(iso) / 1000);
  gauge('setu_sync_lag_objects', 'Local object versions a push subscription has not yet handled.', (r) => r.lagObjects);
  gauge('setu_sync_lag_seconds', 'Push: age of the oldest unhandled version; pull: seconds since the last successful pass.', (r) => r.lagSeconds);
  gauge('setu_sync_queue_depth', 'Versions waiting in the durable push queue of a subscription.', (r) => r.queueDepth);
  gauge('setu_sync_last_success_timestamp_seconds', 'When the subscription last completed a pass (Unix time).', (r) => epoch(r.lastSuccessAt));
  gauge('setu_sync_last_error_timestamp_seconds', 'When the subscription last failed (Unix time).', (r) => epoch(r.lastErrorAt));
}
