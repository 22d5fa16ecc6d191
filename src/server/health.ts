// Liveness and readiness in one probe: the process answers and the store answers a query.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { ERROR_BODY_SCHEMA } from '../taxii/index.js';

const HEALTH = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
  reason: Type.Optional(Type.String({ description: 'Why the store did not answer.' })),
});

export function installHealth(app: FastifyInstance, checkStore: () => Promise<unknown>): void {
  app.get(
    '/healthz',
    {
      schema: {
        operationId: 'getHealth',
        summary: 'Health probe',
        description: 'Answers 200 when the process and its store respond, 503 otherwise.',
        tags: ['operations'],
        response: {
          200: { ...HEALTH, 'x-response-description': 'The process and its store answer.' },
          500: { ...ERROR_BODY_SCHEMA, 'x-response-description': 'The server failed.' },
          503: { ...HEALTH, 'x-response-description': 'The store does not answer.' },
        },
      },
    },
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
