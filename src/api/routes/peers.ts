// Federation peers over the JSON API (node-admin only): list, add, show (with per-subscription
// status and quarantined objects), remove, status of all, and "sync now". Credentials are accepted
// on creation and never returned. Answers 404 when the node runs without federation (PostgreSQL).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf } from '../../access/index.js';
import { SetuError } from '../../errors/index.js';
import type { PeerAuth, PeerRecord, SyncStore } from '../../store/index.js';
import { addPeer, peerStatuses, peerView, type CollectionPair, type SyncService } from '../../sync/index.js';
import { requireRole, stringField, type ApiContext } from '../context.js';

/** What app.ts decorates the HTTP instance with when federation runs. */
export interface SyncDecoration {
  readonly service: SyncService;
  readonly store: SyncStore;
}

function syncOf(app: FastifyInstance): SyncDecoration {
  const decoration = (app as unknown as { setuSync?: SyncDecoration }).setuSync;
  if (decoration === undefined) throw new SetuError('SETU_ERR_API_NOT_FOUND', 'This node runs without federation (it needs the SQLite store).');
  return decoration;
}

const badRequest = (field: string, message: string) => new SetuError('SETU_ERR_API_BAD_REQUEST', message, { field });

function authOf(body: unknown): PeerAuth {
  const auth = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['auth'] : undefined;
  if (auth === undefined || auth === null) return { kind: 'none' };
  const kind = stringField(auth, 'kind', true);
  if (kind === 'token') return { kind, token: stringField(auth, 'token', true) };
  if (kind === 'basic') return { kind, username: stringField(auth, 'username', true), password: stringField(auth, 'password', true) };
  if (kind === 'none') return { kind };
  throw badRequest('auth.kind', '"auth.kind" must be token, basic or none.');
}

function pairsOf(body: unknown, field: 'push' | 'pull'): CollectionPair[] {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[field] : undefined;
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw badRequest(field, `"${field}" must be a list of {local, remote}.`);
  return value.map((pair) => ({ local: stringField(pair, 'local', true), remote: stringField(pair, 'remote', true) }));
}

async function peerOr404(sync: SyncStore, idOrName: string): Promise<PeerRecord> {
  const peer = await sync.getPeer(idOrName);
  if (peer === undefined) throw new SetuError('SETU_ERR_API_NOT_FOUND', `No peer ${idOrName}.`);
  return peer;
}

export function registerPeerRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const { store, clock, newId } = ctx.options;
  const admin = (request: FastifyRequest) => requireRole(ctx, request, ['node-admin']);
  const param = (request: FastifyRequest) => (request.params as { peer: string }).peer;

  app.get('/peers', { schema: { summary: 'List peers (credentials by kind only)', tags: ['federation'] } }, async (request) => {
    admin(request);
    const sync = syncOf(app).store;
    const subscriptions = await sync.listSubscriptions();
    return { peers: (await sync.listPeers()).map((p) => peerView(p, subscriptions)) };
  });
  app.post(
    '/peers',
    {
      schema: {
        summary: 'Register a peer',
        description: 'Body: {name, url, orgId, auth?: {kind: token|basic|none, token?|username?+password?}, tls?: {certFile?, keyFile?, caFile?}, publicKey?, push?: [{local, remote}], pull?: [{local, remote}]}.',
        tags: ['federation'],
      },
    },
    async (request, reply) => {
      const principal = admin(request);
      const sync = syncOf(app).store;
      const body = request.body;
      const tls = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['tls'] : undefined;
      const peer = await addPeer(
        store,
        sync,
        {
          name: stringField(body, 'name', true),
          url: stringField(body, 'url', true),
          orgId: stringField(body, 'orgId', true),
          auth: authOf(body),
          tls:
            tls === undefined || tls === null
              ? null
              : {
                  ...(stringField(tls, 'certFile', false) === undefined ? {} : { certFile: stringField(tls, 'certFile', true) }),
                  ...(stringField(tls, 'keyFile', false) === undefined ? {} : { keyFile: stringField(tls, 'keyFile', true) }),
                  ...(stringField(tls, 'caFile', false) === undefined ? {} : { caFile: stringField(tls, 'caFile', true) }),
                },
          publicKey: stringField(body, 'publicKey', false),
          push: pairsOf(body, 'push'),
          pull: pairsOf(body, 'pull'),
        },
        clock,
        newId,
      );
      const view = peerView(peer, await sync.listSubscriptions(peer.id));
      await ctx.options.audit?.record({ action: 'admin.peer', actor: actorOf(principal, 'api'), target: { peerId: peer.id }, details: { change: 'create', peer: view } });
      return reply.code(201).send(view);
    },
  );
  app.get('/peers/status', { schema: { summary: 'Per peer: lag, queue depth, last success, last error', tags: ['federation'] } }, async (request) => {
    admin(request);
    return { peers: await peerStatuses(store, syncOf(app).store, clock()) };
  });
  app.get('/peers/:peer', { schema: { summary: 'One peer with its status and quarantined objects', tags: ['federation'] } }, async (request) => {
    admin(request);
    const sync = syncOf(app).store;
    const peer = await peerOr404(sync, param(request));
    const [status] = await peerStatuses(store, sync, clock(), peer);
    return { peer: peerView(peer, await sync.listSubscriptions(peer.id)), status, quarantine: await sync.listQuarantine(peer.id, 100) };
  });
  app.delete('/peers/:peer', { schema: { summary: 'Remove a peer with its subscriptions, cursors and quarantine', tags: ['federation'] } }, async (request, reply) => {
    const principal = admin(request);
    const sync = syncOf(app).store;
    const peer = await peerOr404(sync, param(request));
    const view = peerView(peer, await sync.listSubscriptions(peer.id));
    await sync.deletePeer(peer.id);
    await ctx.options.audit?.record({ action: 'admin.peer', actor: actorOf(principal, 'api'), target: { peerId: peer.id }, details: { change: 'remove', peer: view } });
    return reply.code(204).send();
  });
  app.post('/peers/:peer/sync', { schema: { summary: 'Run one pass of every subscription of the peer now', tags: ['federation'] } }, async (request) => {
    admin(request);
    const { service, store: sync } = syncOf(app);
    const peer = await peerOr404(sync, param(request));
    return { results: await service.syncNow(peer.id) };
  });
}
