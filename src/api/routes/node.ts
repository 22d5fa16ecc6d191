// GET /api/v1/node: who this node is and what it holds.
import type { FastifyInstance } from 'fastify';
import { principalOf, type ApiContext } from '../context.js';

export function registerNodeRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/node', { schema: { summary: 'This node', description: 'Node name, country, creation time, the caller\'s principal and how many object versions the node holds.', tags: ['management'] } }, async (request) => {
    const principal = principalOf(ctx, request);
    const { store } = ctx.options;
    const info = await store.getNode();
    return { node: info, principal, objects: await store.countObjects() };
  });
}
