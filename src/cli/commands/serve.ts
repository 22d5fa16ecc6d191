// `setu serve`: serves an initialised node until SIGINT/SIGTERM, then closes cleanly (in-flight
// requests finish, the store is closed so WAL is checkpointed).
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { buildApp, type App } from '../../app.js';
import { type OpenNode, apiRootPath, ensureNodeKey, loadGateConfig, openNode } from '../../node/index.js';
import { assertListenPolicy, isLoopbackHost, loadTlsOptions } from '../../server/index.js';
import { setuVersion } from '../../version.js';
import { openNodeSync, type SyncTuning } from '../../sync/index.js';
import { isPostgresStore, type Store, type SyncStore } from '../../store/index.js';
import { SetuError } from '../../errors/index.js';
import type { CliIo } from '../io.js';
import { readReportingRules } from './incident.js';

export interface ServeOptions {
  readonly data: string;
  readonly host: string;
  readonly port: number;
  readonly tlsCert?: string | undefined;
  readonly tlsKey?: string | undefined;
  readonly tlsClientCa?: string | undefined;
  readonly allowPlainHttp: boolean;
  readonly logLevel: string;
  /** Federation timing (tests use a fast schedule); default sync/ DEFAULT_TUNING. */
  readonly syncTuning?: Partial<SyncTuning> | undefined;
}

export interface RunningServer {
  readonly app: App;
  readonly node: OpenNode;
  /** Base URL, e.g. http://127.0.0.1:6565 */
  readonly baseUrl: string;
  readonly discoveryUrl: string;
  readonly apiRootUrl: string;
  close(): Promise<void>;
}

export async function startServer(options: ServeOptions, io: CliIo): Promise<RunningServer> {
  const https = loadTlsOptions({ certFile: options.tlsCert, keyFile: options.tlsKey, clientCaFile: options.tlsClientCa });
  assertListenPolicy({ host: options.host, tls: https !== undefined, allowPlainHttp: options.allowPlainHttp });
  const node = await openNode(options.data, io.clock);
  let app: App;
  let background: { stop(): Promise<void> } | undefined;
  // Federation keeps its tables in the node's database (SQLite file or PostgreSQL).
  const syncStore: SyncStore = await openNodeSync(node, io.clock);
  try {
    app = await buildApp({
      store: node.store,
      config: node.config,
      info: node.info,
      clock: io.clock,
      newId: randomUUID,
      logger: pino({ level: options.logLevel }, process.stderr),
      https,
      version: setuVersion(),
      nodeKey: await ensureNodeKey(node.paths.dir),
      gate: await loadGateConfig(node.paths.dir, node.info),
      reportingRules: await readReportingRules(node.paths.dir),
      syncStore,
      syncTuning: { checkpointIntervalMs: node.config.auditCheckpointMinutes * 60_000, ...options.syncTuning },
      plainHttpLoopback: https === undefined && isLoopbackHost(options.host),
    });
    await app.http.listen({ host: options.host, port: options.port }).catch((error: unknown) => {
      throw listenError(error, options.host, options.port);
    });
    background = await startBackground(node.store, app);
  } catch (error) {
    await syncStore.close();
    await node.store.close();
    throw error;
  }
  const address = app.http.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const hostPart = options.host.includes(':') && !options.host.startsWith('[') ? `[${options.host}]` : options.host;
  const baseUrl = `${https ? 'https' : 'http'}://${hostPart}:${port}`;
  let closed = false;
  return {
    app,
    node,
    baseUrl,
    discoveryUrl: `${baseUrl}/taxii2/`,
    apiRootUrl: `${baseUrl}${apiRootPath(node.config)}`,
    async close() {
      if (closed) return;
      closed = true;
      await background?.stop();
      await app.http.close();
      await syncStore.close();
      await node.store.close();
    },
  };
}

/** A listen failure the person can fix (a taken port, a foreign address) becomes a coded error saying how. */
function listenError(error: unknown, host: string, port: number): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const where = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (code === 'EADDRINUSE') {
    return new SetuError('SETU_ERR_SERVER_PORT_IN_USE', `${where} is already in use by another process: stop it, or choose another port with --port or SETU_PORT`, { host, port });
  }
  if (code === 'EADDRNOTAVAIL' || code === 'EACCES') {
    const why = code === 'EACCES' ? 'this user may not listen there (ports below 1024 need privileges)' : 'the address is not one of this machine';
    return new SetuError('SETU_ERR_SERVER_LISTEN_FAILED', `cannot listen on ${where}: ${why}; choose another with --host/SETU_HOST or --port/SETU_PORT`, { host, port, cause: code });
  }
  return error;
}

/**
 * Starts the federation loops. On PostgreSQL several Setu processes serve one node, and a peer's
 * sync loop must run in exactly one of them: the processes contend for an advisory lock and the
 * holder runs the loops until it stops or its session dies, when another one takes over.
 */
async function startBackground(store: Store, app: App): Promise<{ stop(): Promise<void> }> {
  const sync = app.sync;
  if (sync === undefined) return { stop: async () => {} };
  if (!isPostgresStore(store)) {
    await sync.start();
    return { stop: () => sync.stop() };
  }
  const leadership = store.withLeadership('sync', async (signal) => {
    await sync.start();
    await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
    await sync.stop();
  });
  return { stop: () => leadership.stop() };
}

/** Resolves when the process is asked to stop. */
export function untilShutdown(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export async function run(options: ServeOptions, io: CliIo): Promise<void> {
  const server = await startServer(options, io);
  io.err(`Setu node ${server.node.info.nodeName} serving TAXII 2.1 at ${server.discoveryUrl}\n`);
  const signal = await untilShutdown();
  io.err(`received ${signal}, shutting down\n`);
  await server.close();
}
