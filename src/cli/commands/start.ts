// `setu start` (what `npm start` runs): the first-run path. Creates the data directory with a
// demo organisation set, collection and data set when it is absent, mints a short-lived token for
// this session, serves, and prints the discovery URL with a ready-to-paste curl line.
import { randomUUID } from 'node:crypto';
import { initialiseNode, issueToken, loadDemo, nodeExists, nodeOrganisationId } from '../../node/index.js';
import type { CliIo } from '../io.js';
import { startServer, untilShutdown, type RunningServer, type ServeOptions } from './serve.js';

const SESSION_TOKEN_DAYS = 1;

export interface StartedDemo {
  readonly server: RunningServer;
  readonly token: string;
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
  const session = await issueToken(server.node.store, { orgId, role: 'analyst', label: 'npm start session', expiresInDays: SESSION_TOKEN_DAYS }, io.clock, newId);
  return { server, token: session.secret, created };
}

export async function run(options: ServeOptions, io: CliIo): Promise<void> {
  const { server, token } = await startDemo(options, io);
  const collections = await server.node.store.listCollections();
  io.out(
    [
      '',
      `Setu is serving TAXII 2.1 at ${server.discoveryUrl}`,
      `API root:  ${server.apiRootUrl}`,
      `Token (analyst, valid ${SESSION_TOKEN_DAYS} day): ${token}`,
      '',
      'Try:',
      `  curl -H 'Accept: application/taxii+json;version=2.1' -H 'Authorization: Bearer ${token}' ${server.discoveryUrl}`,
      ...(collections[0]
        ? [`  curl -H 'Accept: application/taxii+json;version=2.1' -H 'Authorization: Bearer ${token}' '${server.apiRootUrl}collections/${collections[0].id}/objects/?limit=5'`]
        : []),
      '',
      `OpenAPI: ${server.baseUrl}/openapi.json   metrics: ${server.baseUrl}/metrics   health: ${server.baseUrl}/healthz`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  const signal = await untilShutdown();
  io.err(`received ${signal}, shutting down\n`);
  await server.close();
}
