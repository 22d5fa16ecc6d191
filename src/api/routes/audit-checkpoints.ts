// Audit checkpoints over the JSON API: a federated Setu node pushes its signed checkpoints here
// with its `peer` token, and reads back what this node holds for it (`setu audit verify --peers`);
// a node-admin signs this node's head and pushes it to every Setu peer on demand. Answers 404
// when the node runs without federation.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AUDIT_ERRORS, parseCheckpoint } from '../../access/audit/index.js';
import { SetuError } from '../../errors/index.js';
import { anchorPeers, defaultCheckpointClients, issueCheckpoint, pushCheckpoint, receiveCheckpoint } from '../../sync/index.js';
import { requireRole, type ApiContext } from '../context.js';
import { apiDoc } from '../schemas.js';
import type { SyncDecoration } from './peers.js';

/** Largest page of GET /audit/checkpoints. */
export const CHECKPOINT_PAGE_LIMIT = 1000;
/** Deadline of one checkpoint push, ms. */
const PUSH_TIMEOUT_MS = 30_000;

const HEX64 = '^[0-9a-f]{64}$';
const tags = ['audit'];

const Checkpoint = Type.Object(
  {
    format: Type.Literal('setu-audit-checkpoint/1'),
    nodeId: Type.String({ pattern: HEX64, description: 'SHA-256 hex of the signing node\'s raw Ed25519 public key (its node id).' }),
    count: Type.Integer({ minimum: 0, description: 'Entries in the log when signed (the head\'s seq; 0 when empty).' }),
    headHash: Type.String({ pattern: HEX64, description: 'Hash of entry `count` (64 zeros when empty).' }),
    at: Type.String({ description: 'When it was signed (RFC 3339 UTC).' }),
    signature: Type.String({ pattern: '^[A-Za-z0-9_-]+$', description: 'base64url Ed25519 signature over the RFC 8785 JSON of the fields above.' }),
  },
  { description: 'A signed audit checkpoint (docs/audit.md).' },
);

const Push = Type.Object({
  peer: Type.String(),
  ok: Type.Boolean(),
  stored: Type.Union([Type.Boolean(), Type.Null()], { description: 'false: the peer held it already; null: the push failed.' }),
  error: Type.Union([Type.String(), Type.Null()]),
});

function syncOf(app: FastifyInstance): SyncDecoration {
  const decoration = (app as unknown as { setuSync?: SyncDecoration }).setuSync;
  if (decoration === undefined) throw new SetuError('SETU_ERR_API_NOT_FOUND', 'This node runs without federation, so it neither keeps nor pushes audit checkpoints.');
  return decoration;
}

export function registerAuditCheckpointRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const { clock } = ctx.options;

  app.post(
    '/audit/checkpoints',
    {
      schema: apiDoc({
        operationId: 'receiveAuditCheckpoint',
        summary: "Keep a peer node's signed audit checkpoint",
        description: 'For `peer` tokens. The checkpoint must name a Setu peer registered for the token\'s organisation (by node id) and verify with that peer\'s key (403 otherwise).',
        tags,
        body: Type.Object({ checkpoint: Checkpoint }),
        success: { status: 200, schema: Type.Object({ stored: Type.Boolean(), nodeId: Type.String(), count: Type.Integer() }), meaning: 'Kept; `stored` is false when it was held already.' },
        errors: [400, 403, 404],
      }),
    },
    async (request) => {
      const principal = requireRole(ctx, request, ['peer']);
      const sync = syncOf(app).store;
      let checkpoint;
      try {
        checkpoint = parseCheckpoint((request.body as { checkpoint?: unknown } | undefined)?.checkpoint);
      } catch (error) {
        if (error instanceof SetuError && Object.hasOwn(AUDIT_ERRORS, error.code)) throw new SetuError('SETU_ERR_API_BAD_REQUEST', error.message, { ...error.details, cause: error.code });
        throw error;
      }
      const verdict = await receiveCheckpoint(sync, principal.orgId, checkpoint, new Date(clock()).toISOString());
      if (!verdict.ok) throw new SetuError('SETU_ERR_API_FORBIDDEN', `Checkpoint refused: ${verdict.reason}.`);
      return { stored: verdict.stored, nodeId: checkpoint.nodeId, count: checkpoint.count };
    },
  );

  app.get(
    '/audit/checkpoints',
    {
      schema: apiDoc({
        operationId: 'listAuditCheckpoints',
        summary: 'Checkpoints held for a node',
        description: `Ascending by count, at most \`limit\` (default and maximum ${CHECKPOINT_PAGE_LIMIT}) after count \`after\`; \`more\` says another page follows. A \`peer\` token sees those of its organisation's Setu peers only; a node-admin any node's, this node's own included.`,
        tags,
        querystring: Type.Object({
          node: Type.String({ pattern: HEX64, description: 'The node id whose checkpoints to list.' }),
          after: Type.Optional(Type.Integer({ minimum: 0, description: 'Only checkpoints with a larger count.' })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: CHECKPOINT_PAGE_LIMIT })),
        }),
        success: { status: 200, schema: Type.Object({ checkpoints: Type.Array(Checkpoint), more: Type.Boolean() }), meaning: 'A page of checkpoints held for the node.' },
        errors: [400, 403, 404],
      }),
    },
    async (request) => {
      const principal = requireRole(ctx, request, ['peer', 'node-admin']);
      const sync = syncOf(app).store;
      const query = request.query as { node: string; after?: number; limit?: number };
      if (principal.role === 'peer' && !(await sync.peersOfOrg(principal.orgId)).some((p) => p.nodeId === query.node)) {
        throw new SetuError('SETU_ERR_API_FORBIDDEN', `Organisation ${principal.orgId} runs no Setu peer of this node with node id ${query.node}.`);
      }
      const limit = query.limit ?? CHECKPOINT_PAGE_LIMIT;
      const found = await sync.listCheckpoints(query.node, { afterCount: query.after, limit: limit + 1 });
      return {
        checkpoints: found.slice(0, limit).map((c) => ({ format: 'setu-audit-checkpoint/1' as const, nodeId: c.nodeId, count: c.count, headHash: c.headHash, at: c.at, signature: c.signature })),
        more: found.length > limit,
      };
    },
  );

  app.post(
    '/audit/checkpoints/push',
    {
      schema: apiDoc({
        operationId: 'pushAuditCheckpoint',
        summary: "Sign the audit log's head now and push it to every Setu peer",
        description: 'node-admin only. The checkpoint is kept here too (`setu audit verify` checks the log still holds it); each push is reported, a failed one does not fail the request.',
        tags,
        success: { status: 200, schema: Type.Object({ checkpoint: Checkpoint, pushes: Type.Array(Push) }), meaning: 'The checkpoint, and how each push went.' },
        errors: [403, 404],
      }),
    },
    async (request) => {
      requireRole(ctx, request, ['node-admin']);
      const nodeKey = ctx.options.nodeKey;
      if (nodeKey === undefined) throw new SetuError('SETU_ERR_API_NOT_FOUND', 'This server was started without the node key, so it cannot sign checkpoints; use `setu audit checkpoint --push`.');
      const sync = syncOf(app).store;
      const checkpoint = await issueCheckpoint({ store: ctx.options.store, sync, nodeKey, clock });
      return { checkpoint, pushes: await pushCheckpoint(await anchorPeers(sync), checkpoint, defaultCheckpointClients(PUSH_TIMEOUT_MS)) };
    },
  );
}
