// GET /api/v1/node: who this node is and what the caller may read of it. The object count is the
// node total for a node-admin only; anyone else gets the versions it may read in the collections it
// may read, counted with the reader predicate inside the query (a node-wide figure would tell it how
// much it is not shown). For a principal outside the node's jurisdiction, each collection's count
// goes through its gate view as well (node.foreignReads: the verdicts its page query admits), so the
// figure equals what its reads return with match[version]=all.
import type { FastifyInstance } from 'fastify';
import { canRead, readScopeOf, type Principal } from '../../access/index.js';
import { principalOf, type ApiContext } from '../context.js';
import { Type } from 'typebox';
import { PRINCIPAL_SCHEMA, apiDoc } from '../schemas.js';

const NODE_SCHEMA = Type.Object({
  node: Type.Union([Type.Object({ nodeName: Type.String(), country: Type.String(), createdAt: Type.String() }), Type.Null()], { description: 'Who this node is (null before initialisation).' }),
  principal: PRINCIPAL_SCHEMA,
  objects: Type.Integer({ description: 'Object versions counted for the caller.' }),
});

export function registerNodeRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/node', { schema: apiDoc({ operationId: 'getNode', success: { status: 200, meaning: 'The node, the caller and its object count.', schema: NODE_SCHEMA }, summary: 'This node', description: 'Node name, country, creation time, the caller\'s principal and how many object versions the caller may read (the node total for a node-admin; for a caller outside the node\'s jurisdiction, only the versions its outbound gate lets out, as its TAXII reads return them).', tags: ['management'] }) }, async (request) => {
    const principal = principalOf(ctx, request);
    const { store } = ctx.options;
    const info = await store.getNode();
    return { node: info, principal, objects: await readableObjects(ctx, principal) };
  });
}

async function readableObjects(ctx: ApiContext, principal: Principal): Promise<number> {
  const { store } = ctx.options;
  if (principal.role === 'node-admin') return store.countObjects();
  const member = { ...principal, communities: await store.communitiesOf(principal.orgId) };
  const readable = (await store.listCollections()).filter((c) => canRead(member, c)).map((c) => c.id);
  const scope = readScopeOf(principal.orgId);
  const reads = ctx.options.foreignReads;
  if (reads === undefined) return store.countReadable(readable, scope);
  const asWritten: string[] = [];
  let gated = 0;
  for (const collectionId of readable) {
    const view = await reads.viewFor(collectionId, principal.orgId);
    if (view === undefined) asWritten.push(collectionId);
    else gated += await store.countReadable([collectionId], scope, view.gateReader);
  }
  return gated + (await store.countReadable(asWritten, scope));
}
