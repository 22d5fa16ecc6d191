// Federation peers over the JSON API (node-admin only): list, add, show (with per-subscription
// status and quarantined objects), remove, status of all, and "sync now". Credentials are accepted
// on creation and never returned. Answers 404 when the node runs without federation (PostgreSQL).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf } from '../../access/index.js';
import { SetuError } from '../../errors/index.js';
import type { PeerAuth, PeerRecord, SyncStore } from '../../store/index.js';
import { addPeer, peerStatuses, peerView, type CollectionPair, type SyncService } from '../../sync/index.js';
import { requireRole, stringField, type ApiContext } from '../context.js';
import { Type } from 'typebox';
import { apiDoc, documented, optionalText } from '../schemas.js';

const PEER_VIEW = documented('A peer: id, name, url, orgId, auth (kind only, never secrets), mutualTls, publicKey, nodeId, createdAt, subscriptions (see docs/federation.md).');
const PEER_STATUS = documented('Per subscription: lag in objects and seconds, queue depth, last success, last error (see docs/federation.md).');
const PEER_PARAM = Type.Object({ peer: Type.String({ description: 'The peer id or name.' }) });
const PAIRS = (direction: string) =>
  Type.Optional(Type.Union([Type.Array(Type.Object({ local: Type.String(), remote: Type.String() })), Type.Null()], { description: `Collections to ${direction}: local and remote collection ids.` }));
const NO_FEDERATION = 'No such peer, or the node runs without federation.';

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

  app.get('/peers', { schema: apiDoc({ operationId: 'listPeers', summary: 'List peers (credentials by kind only)', description: 'node-admin only.', tags: ['federation'], success: { status: 200, schema: Type.Object({ peers: Type.Array(PEER_VIEW) }), meaning: 'Every peer.' }, errors: [403, 404] }) }, async (request) => {
    admin(request);
    const sync = syncOf(app).store;
    const subscriptions = await sync.listSubscriptions();
    return { peers: (await sync.listPeers()).map((p) => peerView(p, subscriptions)) };
  });
  app.post(
    '/peers',
    {
      schema: apiDoc({
        operationId: 'createPeer',
        summary: 'Register a peer',
        description: `Credentials are kept and never returned. node-admin only. 404: ${NO_FEDERATION}`,
        tags: ['federation'],
        body: Type.Object({
          name: Type.String(),
          url: Type.String({ description: 'The peer TAXII discovery URL.' }),
          orgId: Type.String({ description: 'The organisation the peer node belongs to.' }),
          auth: Type.Optional(
            Type.Union([
              Type.Object({
                kind: Type.String({ description: 'token, basic or none.' }),
                token: optionalText('With kind token.'),
                username: optionalText('With kind basic.'),
                password: optionalText('With kind basic.'),
              }),
              Type.Null(),
            ]),
          ),
          tls: Type.Optional(Type.Union([Type.Object({ certFile: optionalText('Client certificate (PEM file).'), keyFile: optionalText('Its key.'), caFile: optionalText('CA to trust.') }), Type.Null()])),
          publicKey: optionalText('The peer node Ed25519 public key (PEM or base64), to check its signed pushes.'),
          push: PAIRS('push'),
          pull: PAIRS('pull'),
        }),
        success: { status: 201, schema: PEER_VIEW, meaning: 'The peer registered.' },
        errors: [400, 403, 404, 409],
      }),
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
  app.get('/peers/status', { schema: apiDoc({ operationId: 'listPeerStatuses', summary: 'Per peer: lag, queue depth, last success, last error', description: 'node-admin only.', tags: ['federation'], success: { status: 200, schema: Type.Object({ peers: Type.Array(PEER_STATUS) }), meaning: 'The status of every peer.' }, errors: [403, 404] }) }, async (request) => {
    admin(request);
    return { peers: await peerStatuses(store, syncOf(app).store, clock()) };
  });
  app.get('/peers/:peer', { schema: apiDoc({ operationId: 'getPeer', summary: 'One peer with its status and quarantined objects', description: 'node-admin only.', tags: ['federation'], params: PEER_PARAM, success: { status: 200, schema: Type.Object({ peer: PEER_VIEW, status: PEER_STATUS, quarantine: Type.Array(documented('An object received from the peer and held back, with why.')) }), meaning: 'The peer.' }, errors: [403, 404] }) }, async (request) => {
    admin(request);
    const sync = syncOf(app).store;
    const peer = await peerOr404(sync, param(request));
    const [status] = await peerStatuses(store, sync, clock(), peer);
    return { peer: peerView(peer, await sync.listSubscriptions(peer.id)), status, quarantine: await sync.listQuarantine(peer.id, 100) };
  });
  app.delete('/peers/:peer', { schema: apiDoc({ operationId: 'deletePeer', summary: 'Remove a peer with its subscriptions, cursors and quarantine', description: 'node-admin only.', tags: ['federation'], params: PEER_PARAM, success: { status: 204, schema: null, meaning: 'The peer is removed.' }, errors: [403, 404] }) }, async (request, reply) => {
    const principal = admin(request);
    const sync = syncOf(app).store;
    const peer = await peerOr404(sync, param(request));
    const view = peerView(peer, await sync.listSubscriptions(peer.id));
    await sync.deletePeer(peer.id);
    await ctx.options.audit?.record({ action: 'admin.peer', actor: actorOf(principal, 'api'), target: { peerId: peer.id }, details: { change: 'remove', peer: view } });
    return reply.code(204).send();
  });
  app.post('/peers/:peer/sync', { schema: apiDoc({ operationId: 'syncPeer', summary: 'Run one pass of every subscription of the peer now', description: 'No body. node-admin only.', tags: ['federation'], params: PEER_PARAM, success: { status: 200, schema: Type.Object({ results: Type.Array(documented('What one subscription pass moved, or why it failed.')) }), meaning: 'One result per subscription.' }, errors: [403, 404] }) }, async (request) => {
    admin(request);
    const { service, store: sync } = syncOf(app);
    const peer = await peerOr404(sync, param(request));
    return { results: await service.syncNow(peer.id) };
  });
}
