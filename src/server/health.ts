// Liveness and readiness in one probe: the process answers and the store answers a query.
import type { FastifyInstance } from 'fastify';

export function installHealth(app: FastifyInstance, checkStore: () => Promise<unknown>): void {
  app.get(
    '/healthz',
    { schema: { summary: 'Health probe', description: 'Answers 200 when the process and its store respond, 503 otherwise.', tags: ['operations'] } },
    async (_request, reply) => {
      try {
        await checkStore();
        return { status: 'ok' };
      } catch (error) {
        reply.code(503);
        return { status: 'unavailable', reason: (error as Error).message };
      }
    },
  );
}
