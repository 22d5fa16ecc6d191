// Composition root: builds one HTTP application from an opened node. This is the only place that
// wires store, TAXII, metrics and health together; nothing here runs at import time.
import { EventEmitter } from 'node:events';
import type { SecureContextOptions, TlsOptions } from 'node:tls';
import { fileURLToPath } from 'node:url';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { type GateConfig, type NodeConfig, type NodeKey, TAXII_BASE_PATH, foreignReads } from './node/index.js';
import { auditSink } from './access/index.js';
import { SetuError } from './errors/index.js';
import { certificateOrgOf, createMetrics, installHealth, installMetrics, installSyncGauges, withSharedErrorBody } from './server/index.js';
import { isPostgresStore, type NodeInfo, type Store, type SyncStore } from './store/index.js';
import { API_PREFIX, apiPlugin, toApiError } from './api/index.js';
import type { AddedObject } from './ingest/index.js';
import { TAXII_MEDIA_TYPE, taxiiPlugin, toTaxiiError } from './taxii/index.js';
import { SyncService, peerPushHook, type SyncTuning } from './sync/index.js';
import { DEFAULT_SESSION_TIMEOUTS, createSignInThrottle, peopleAuth, ssoService } from './users/index.js';
import { consolePlugin } from './web/index.js';
import type { ReportingRule } from './incidents/index.js';

export interface AppOptions {
  readonly store: Store;
  readonly config: NodeConfig;
  readonly info: NodeInfo;
  readonly clock: () => number;
  readonly newId: () => string;
  /** A pino logger, or false for none (tests). */
  readonly logger: Logger | false;
  readonly https?: (TlsOptions & SecureContextOptions) | undefined;
  readonly version: string;
  /** The node's Ed25519 key: lets GET /api/v1/audit/export sign segments. */
  readonly nodeKey?: NodeKey | undefined;
  /** The outbound gate's profile and pseudonym key, for share previews over the API. */
  readonly gate?: GateConfig | undefined;
  /** The federation tables: with nodeKey and gate, the app runs a sync service (started by the caller). */
  readonly syncStore?: SyncStore | undefined;
  readonly syncTuning?: Partial<SyncTuning> | undefined;
  /** The server speaks plain HTTP on a loopback address: session cookies are not marked Secure. */
  readonly plainHttpLoopback?: boolean | undefined;
  /** The browser console's build (default: web/dist of this package), served at / by src/web. */
  readonly consoleDir?: string | undefined;
  /** The legal reporting rules of incidents (built-ins with DIR/jurisdictions.json applied); absent: the built-ins. */
  readonly reportingRules?: readonly ReportingRule[] | undefined;
}

/** web/dist beside src/ (run with tsx) or dist/ (built): both sit one level under the package root. */
const DEFAULT_CONSOLE_DIR = fileURLToPath(new URL('../web/dist/', import.meta.url));

export interface App {
  readonly http: FastifyInstance;
  /** The in-process bus: 'added' carries every newly committed object version. */
  readonly events: EventEmitter;
  /** Federation with peers; `start()` it once the server listens, `stop()` it before closing. */
  readonly sync?: SyncService | undefined;
}

export async function buildApp(options: AppOptions): Promise<App> {
  const { store, config, info } = options;
  const http = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    ...(options.https ? { https: options.https } : {}),
    bodyLimit: config.maxContentLength,
    // node.json trustProxy: whose X-Forwarded-For decides request.ip (sign-in throttling)
    trustProxy: typeof config.trustProxy === 'boolean' || config.trustProxy === undefined ? config.trustProxy === true : [...config.trustProxy],
    // Errors are answered by the TAXII plugin's handler; never echo stack traces.
    return503OnClosing: true,
    frameworkErrors: answerFrameworkError,
  }) as unknown as FastifyInstance;
  // Route response schemas document the answers in /openapi.json; an answer is sent as the handler
  // built it, never reshaped (fields dropped or coerced) by a serializer compiled from its schema.
  http.setSerializerCompiler(() => (data) => JSON.stringify(data));
  // Outside TAXII and the API (health, metrics, extension), failures get the same error body.
  http.setErrorHandler((error, request, reply) => {
    const response = toApiError(error, request.id);
    if (response.internal) request.log.error({ err: error }, 'request failed');
    return reply.code(response.status).headers(response.headers).send(response.body);
  });

  await http.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: `Setu node ${info.nodeName}`,
        version: options.version,
        description:
          'TAXII 2.1 server of a Setu node (discovery, API roots, collections, objects, manifests, versions, status) ' +
          'and its operational endpoints. Every TAXII endpoint speaks application/taxii+json;version=2.1.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'A Setu API token' },
          basic: { type: 'http', scheme: 'basic', description: 'Any user name; the password is a Setu API token' },
          session: { type: 'apiKey', in: 'cookie', name: 'setu_session', description: 'A person\'s browser session (POST /api/v1/auth/sign-in); state-changing requests also send X-Setu-CSRF' },
        },
      },
      security: [{ bearer: [] }, { basic: [] }, { session: [] }],
    },
    transformObject: (document) => ('openapiObject' in document ? withSharedErrorBody(document.openapiObject) : document.swaggerObject),
  });
  http.get('/openapi.json', { schema: { hide: true } }, async () => http.swagger());

  const metrics = createMetrics(() => store.countObjects());
  installMetrics(http, metrics);
  installHealth(http, () => store.getNode());

  const events = new EventEmitter();
  const audit = auditSink(store, options.clock);
  events.on('added', (records: readonly AddedObject[]) => metrics.objectsIngested.inc(records.length));
  if (isPostgresStore(store)) {
    // Several processes on one database: what other processes commit reaches this process's bus
    // too ('added' with the committed records, 'config' with a topic), over LISTEN/NOTIFY.
    const unsubscribe = await store.subscribe((event) =>
      event.kind === 'added' ? events.emit('added', event.records) : events.emit('config', event.topic),
    );
    http.addHook('onClose', async () => unsubscribe());
  }

  const syncStore = options.syncStore;
  const sync =
    syncStore !== undefined && options.nodeKey !== undefined && options.gate !== undefined
      ? new SyncService({
          store,
          sync: syncStore,
          gate: options.gate,
          nodeKey: options.nodeKey,
          clock: options.clock,
          newId: options.newId,
          audit,
          events,
          log: options.logger === false ? undefined : options.logger,
          tuning: options.syncTuning,
        })
      : undefined;
  if (sync !== undefined) {
    // New local versions (TAXII, import, pulls) wake the push subscriptions of their collection.
    events.on('added', (records: readonly AddedObject[]) => sync.notifyAdded(records));
    installSyncGauges(metrics, async () =>
      (await sync.status()).flatMap((p) => p.subscriptions.map((s) => ({ ...s, peer: p.name, subscription: s.id }))),
    );
    http.decorate('setuSync', { service: sync, store: syncStore });
  }

  // People: sessions, personal tokens and sign-in throttling (src/users), shared by TAXII and the API.
  const usersDeps = { store, clock: options.clock, newId: options.newId, audit };
  const auth = peopleAuth(usersDeps, {
    idleMinutes: config.sessionIdleMinutes ?? DEFAULT_SESSION_TIMEOUTS.idleMinutes,
    absoluteMinutes: config.sessionAbsoluteMinutes ?? DEFAULT_SESSION_TIMEOUTS.absoluteMinutes,
  });
  const people = { auth, throttle: createSignInThrottle(options.clock), sso: ssoService(usersDeps, { linkVerifiedEmail: config.ssoLinkVerifiedEmail !== false }), secureCookies: options.plainHttpLoopback !== true };
  // One outbound-gate view for every read surface (TAXII and the API): a direct read by an organisation of another jurisdiction is a transfer.
  const reads = options.gate === undefined ? undefined : foreignReads({ store, profile: options.gate.profile, pseudonymKey: options.gate.pseudonymKey, country: options.gate.country, clock: options.clock, newId: options.newId });
  await http.register(taxiiPlugin, {
    store,
    people: auth,
    clock: options.clock,
    newId: options.newId,
    events,
    audit,
    title: `Setu node ${info.nodeName}`,
    description: `TAXII 2.1 discovery of the Setu node ${info.nodeName} (${info.country})`,
    ...(config.contact === null ? {} : { contact: config.contact }),
    basePath: TAXII_BASE_PATH,
    apiRoots: [{ name: config.apiRootName, title: config.title, description: config.description }],
    maxContentLength: config.maxContentLength,
    rateLimit: { perMinute: config.rateLimitPerMinute },
    ...(options.https?.requestCert ? { certificateOrg: certificateOrgOf } : {}),
    ...(syncStore === undefined ? {} : { peerPushes: peerPushHook(syncStore) }),
    ...(reads === undefined ? {} : { foreignReads: reads }),
    onRejected: (count) => metrics.objectsRejected.inc(count),
  });
  await http.register(apiPlugin, { store, clock: options.clock, newId: options.newId, events, audit, people, ...(reads === undefined ? {} : { foreignReads: reads }), ...(options.nodeKey ? { nodeKey: options.nodeKey } : {}), ...(options.gate ? { gate: options.gate } : {}), ...(options.reportingRules ? { reportingRules: options.reportingRules } : {}) });
  // The browser console: its build's files and pages at /, beside (never under) TAXII and the API.
  await http.register(consolePlugin, { root: options.consoleDir ?? DEFAULT_CONSOLE_DIR });
  await http.ready();
  return { http, events, sync };
}

/**
 * Failures Fastify meets before any route or plugin scope applies (a URL it cannot decode): under
 * the TAXII base path they get a TAXII error body, under the JSON API its error body, as every
 * other answer there does.
 */
function answerFrameworkError(error: Error, request: FastifyRequest, reply: FastifyReply): void {
  const path = request.url.split('?')[0] ?? '';
  const under = (prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
  if (under(TAXII_BASE_PATH)) {
    // Bytes, not a string: Fastify would rewrite the TAXII media type of a string reply.
    const response = toTaxiiError(error, request.id);
    void reply.code(response.status).headers(response.headers).header('content-type', TAXII_MEDIA_TYPE).send(Buffer.from(JSON.stringify(response.body)));
    return;
  }
  if (under(API_PREFIX)) {
    const response = toApiError(new SetuError('SETU_ERR_API_BAD_REQUEST', `The request could not be read: ${error.message}.`), request.id);
    void reply.code(response.status).headers(response.headers).send(response.body);
    return;
  }
  void reply.code(400).send({ error: 'Bad Request', code: (error as { code?: string }).code, message: error.message, statusCode: 400 });
}
