// The audit log over the JSON API (node-admin only): list entries, verify the chain, export a
// segment signed with the node key, and check a partner's segment against the key you trust.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOf, auditSink } from '../../access/index.js';
import { AUDIT_ERRORS, parseSegment, publicKeyFromText, signSegment, verifyChain, verifySegment } from '../../access/audit/index.js';
import { SetuError } from '../../errors/index.js';
import type { AuditEntry, AuditStore } from '../../store/index.js';
import { defaultCheckpointClients, verifyAnchored } from '../../sync/index.js';
import { requireRole, stringField, type ApiContext } from '../context.js';
import type { SyncDecoration } from './peers.js';
import { apiDoc, documented } from '../schemas.js';

const AUDIT_ENTRY = documented('An audit entry: seq, at, action, actor, target, details, prevHash, hash (see docs/audit.md).');
const SEGMENT = documented('A signed audit segment: node, fromSeq, toSeq, entries, headHash, exportedAt, publicKey, signature (see docs/audit.md).');
const VERIFY_RESULT = documented('ok, the number of entries checked and, when not ok, the first bad entry and why (see docs/audit.md).');
const seq = (description: string) => Type.Optional(Type.String({ description: `${description} (a positive integer).` }));

const PAGE = 10_000;
/** Deadline of one request to a peer when verify asks what it holds, ms. */
const PEER_TIMEOUT_MS = 30_000;

function seqParam(query: unknown, name: string): number | undefined {
  const value = typeof query === 'object' && query !== null ? (query as Record<string, unknown>)[name] : undefined;
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new SetuError('SETU_ERR_API_BAD_REQUEST', `"${name}" must be a positive integer.`, { field: name });
  return n;
}

async function readRange(store: AuditStore, fromSeq: number, toSeq: number): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  for (let next = fromSeq; next <= toSeq; ) {
    const page = await store.listAudit({ fromSeq: next, toSeq, limit: PAGE });
    entries.push(...page);
    const last = page.at(-1);
    if (last === undefined || page.length < PAGE) break;
    next = last.seq + 1;
  }
  return entries;
}

export function registerAuditRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const { store, clock } = ctx.options;
  const tags = ['audit'];

  app.get('/audit', {
      schema: apiDoc({
        operationId: 'listAuditEntries',
        summary: 'List audit entries',
        description: 'node-admin only.',
        tags,
        querystring: Type.Object({ from: seq('The first seq (default 1)'), limit: seq('At most this many entries (default 100, at most 1000)') }),
        success: { status: 200, schema: Type.Object({ entries: Type.Array(AUDIT_ENTRY), head: Type.Union([AUDIT_ENTRY, Type.Null()], { description: 'The newest entry.' }) }), meaning: 'The entries and the head.' },
        errors: [400, 403],
      }),
    }, async (request) => {
    requireRole(ctx, request, ['node-admin']);
    const limit = Math.min(seqParam(request.query, 'limit') ?? 100, 1000);
    return { entries: await store.listAudit({ fromSeq: seqParam(request.query, 'from') ?? 1, limit }), head: (await store.auditHead()) ?? null };
  });

  app.get(
    '/audit/verify',
    {
      schema: apiDoc({
        operationId: 'verifyAuditChain',
        success: { status: 200, schema: VERIFY_RESULT, meaning: 'Whether the chain (and its checkpoints) hold.' },
        errors: [400, 403],
        summary: 'Verify the audit chain',
        description:
          'Recomputes every hash and link; `ok` false names the first bad entry and why (edited, removed, reordered). On a node with federation and its key, also checks the log still holds ' +
          'every checkpoint recorded here (`local`) and, with peers=true, every checkpoint each Setu peer holds for it (`peers`: cut-off, diverged, or an error when a peer cannot be asked).',
        tags,
        querystring: Type.Object({ peers: Type.Optional(Type.Boolean({ description: 'Also ask every Setu peer for the checkpoints it holds (default false).' })) }),
      }),
    },
    async (request) => {
      requireRole(ctx, request, ['node-admin']);
      const federation = (app as unknown as { setuSync?: SyncDecoration }).setuSync;
      const nodeKey = ctx.options.nodeKey;
      if (federation !== undefined && nodeKey !== undefined) {
        const peers = (request.query as { peers?: boolean }).peers === true;
        return verifyAnchored({ store, sync: federation.store, nodeKey, peers, clientFor: defaultCheckpointClients(PEER_TIMEOUT_MS) });
      }
      const head = await store.auditHead();
      return verifyChain(head === undefined ? [] : await readRange(store, 1, head.seq));
    },
  );

  app.get('/audit/export', {
      schema: apiDoc({
        operationId: 'exportAuditSegment',
        summary: 'Export a signed audit segment',
        description: 'The segment is signed with the node Ed25519 key; partners check it with `setu audit verify --segment`. 404 when the server runs without the node key. node-admin only.',
        tags,
        querystring: Type.Object({ from: seq('The first seq (default 1)'), to: seq('The last seq (default the head)') }),
        success: { status: 200, schema: SEGMENT, meaning: 'The signed segment.' },
        errors: [400, 403, 404],
      }),
    }, async (request) => {
    const principal = requireRole(ctx, request, ['node-admin']);
    const key = ctx.options.nodeKey;
    if (key === undefined) throw new SetuError('SETU_ERR_API_NOT_FOUND', 'This server was started without the node key, so it cannot sign audit segments; use `setu audit export`.');
    const head = await store.auditHead();
    const to = Math.min(seqParam(request.query, 'to') ?? Number.MAX_SAFE_INTEGER, head?.seq ?? 0);
    const entries = await readRange(store, seqParam(request.query, 'from') ?? 1, to);
    if (entries.length === 0) throw new SetuError('SETU_ERR_API_BAD_REQUEST', 'The requested range holds no audit entries.');
    const info = await store.getNode();
    const segment = signSegment({
      node: { name: info?.nodeName ?? '', country: info?.country ?? '' },
      entries,
      exportedAt: new Date(clock()).toISOString(),
      privateKey: key.privateKey,
      publicKey: key.publicKey,
    });
    await auditSink(store, clock).record({ action: 'audit.export', actor: actorOf(principal, 'api'), target: { fromSeq: segment.fromSeq, toSeq: segment.toSeq }, details: { headHash: segment.headHash } });
    return segment;
  });

  app.post(
    '/audit/verify-segment',
    {
      schema: apiDoc({
        operationId: 'verifyAuditSegment',
        summary: "Check a partner's signed audit segment",
        description: 'node-admin or org-admin.',
        tags,
        body: Type.Object({ segment: SEGMENT, publicKey: Type.String({ description: 'The partner node key you trust (PEM or base64).' }) }),
        success: { status: 200, schema: VERIFY_RESULT, meaning: 'Whether the signature and the chain of the segment hold.' },
        errors: [400, 403],
      }),
    },
    async (request) => {
      requireRole(ctx, request, ['node-admin', 'org-admin']);
      const body = request.body as Record<string, unknown> | undefined;
      const publicKey = stringField(body, 'publicKey', true);
      const segmentValue = body?.['segment'];
      if (typeof segmentValue !== 'object' || segmentValue === null) throw new SetuError('SETU_ERR_API_BAD_REQUEST', '"segment" must be the segment JSON object.', { field: 'segment' });
      try {
        return verifySegment(parseSegment(JSON.stringify(segmentValue)), publicKeyFromText(publicKey));
      } catch (error) {
        if (error instanceof SetuError && Object.hasOwn(AUDIT_ERRORS, error.code)) throw new SetuError('SETU_ERR_API_BAD_REQUEST', error.message, { cause: error.code });
        throw error;
      }
    },
  );
}
