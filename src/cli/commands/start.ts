// `setu start` (what `npm start` runs): the first-run path. Creates the data directory with a
// demo organisation set, collection and data set when it is absent, takes the session token (the
// one kept from the last start while it is live, else a new short-lived one), serves, and prints the
// discovery URL with a ready-to-paste curl line.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { initialiseNode, loadDemo, nodeExists, nodeOrganisationId } from '../../node/index.js';
import type { CliIo } from '../io.js';
import { SESSION_TOKEN_FILE, sessionToken } from '../session-token.js';
import { startServer, untilShutdown, type RunningServer, type ServeOptions } from './serve.js';

export { SESSION_TOKEN_FILE };

export interface StartedDemo {
  readonly server: RunningServer;
  readonly token: string;
  /** When the token expires (ISO 8601), or null. */
  readonly tokenExpiresAt: string | null;
  readonly created: boolean;
}

export async function startDemo(options: ServeOptions, io: CliIo, newId: () => string = randomUUID): Promise<StartedDemo> {
  let created = false;
  if (!nodeExists(options.data)) {
    const init = await initialiseNode({ dir: options.data, nodeName: 'setu-demo', country: 'IN' }, io.clock, newId);
    try {
      const demo = await loadDemo(init.store, init.organisation.id, io.clock, newId);
      io.err(`created a demo node in ${init.paths.dir}: ${demo.stored} STIX objects in collection ${demo.collection.id}\n`);
      for (const failure of demo.failed) io.err(`  demo object ${failure.id} was refused: ${failure.message ?? ''}\n`);
      io.err(`node-admin token (shown once, keep it): ${init.adminToken}\n`);
    } finally {
      await init.store.close();
    }
    created = true;
  }
  const server = await startServer(options, io);
  const orgId = nodeOrganisationId(server.node.config, server.node.info);
  try {
    const session = await sessionToken(server.node.store, server.node.paths.dir, orgId, io.clock, newId);
    return { server, token: session.secret, tokenExpiresAt: session.record.expiresAt, created };
  } catch (error) {
    await server.close();
    throw error;
  }
}

export async function run(options: ServeOptions, io: CliIo): Promise<void> {
  const started = await startDemo(options, io);
  const collections = await started.server.node.store.listCollections();
  io.out(welcome(started, collections[0]?.id));
  const signal = await untilShutdown();
  io.err(`received ${signal}, shutting down\n`);
  await started.server.close();
}

/** What `setu start` prints once it serves: the console URL, TAXII, the token and a curl line to try. */
export function welcome(started: Pick<StartedDemo, 'server' | 'token' | 'tokenExpiresAt'>, firstCollection: string | undefined): string {
  const { server, token, tokenExpiresAt } = started;
  return [
    '',
    `Setu is serving TAXII 2.1 at ${server.discoveryUrl}`,
    `Web console: ${server.baseUrl}/ (sign in with the token below, or a person's account)`,
    `API root:  ${server.apiRootUrl}`,
    `Token (analyst${tokenExpiresAt === null ? '' : `, valid until ${tokenExpiresAt}`}; kept in ${join(server.node.paths.dir, SESSION_TOKEN_FILE)} for the next start): ${token}`,
    '',
    'Try:',
    `  curl -H 'Accept: application/taxii+json;version=2.1' -H 'Authorization: Bearer ${token}' ${server.discoveryUrl}`,
    ...(firstCollection !== undefined
      ? [`  curl -H 'Accept: application/taxii+json;version=2.1' -H 'Authorization: Bearer ${token}' '${server.apiRootUrl}collections/${firstCollection}/objects/?limit=5'`]
      : []),
    '',
    `OpenAPI: ${server.baseUrl}/openapi.json   metrics: ${server.baseUrl}/metrics   health: ${server.baseUrl}/healthz`,
    'Press Ctrl+C to stop.',
    '',
  ].join('\n');
}
