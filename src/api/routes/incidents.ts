// GET /api/v1/incidents/{id}/clocks: the legal reporting clocks of a case, computed from the
// incident AS THE CALLER MAY READ IT: the reader predicate inside every query (collections it may
// read, TLP, RED recipients) and, for a caller outside the node's jurisdiction, only a version the
// outbound gate lets out to it, in the form the gate serves (never the stored bytes). An incident
// the caller may not read is reported exactly as a missing one (404).
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { canRead, readScopeOf, type Principal } from '../../access/index.js';
import { SetuError, isSetuError } from '../../errors/index.js';
import { BUILT_IN_RULES, CLOCK_STATES, clocksFor, readCase } from '../../incidents/index.js';
import { principalOf, type ApiContext } from '../context.js';
import { apiDoc } from '../schemas.js';

const ID = Type.Object({ id: Type.String({ description: 'The STIX id of the incident (incident--<UUID>).' }) });
const nullableText = (description: string) => Type.Union([Type.String(), Type.Null()], { description });

const CLOCK = Type.Object({
  rule: Type.String({ description: 'The reporting rule (e.g. IN-CERTIN-6H); see docs/incidents.md.' }),
  authority: Type.String({ description: 'Who enforces the rule.' }),
  due: nullableText('When the report is due, UTC; null when the rule does not apply.'),
  state: Type.Union(CLOCK_STATES.map((s) => Type.Literal(s)), { description: 'running, due-soon, overdue, done (a report is attached), paused (on a recorded legal basis) or not-applicable.' }),
  clause: Type.String({ description: 'The clause the duty and its deadline come from.' }),
  recipient: Type.String({ description: 'Who receives the report.' }),
  report: Type.String({ description: 'What is reported.' }),
  soft: Type.Boolean({ description: 'True when the law says "promptly" or "without delay" and the due time is guidance.' }),
  dueIst: nullableText('The due time in India (+05:30).'),
  dueJst: nullableText('The due time in Japan (+09:00).'),
  reason: Type.String({ description: 'Why the clock is in its state.' }),
});

const CLOCKS = Type.Object({
  clocks: Type.Array(CLOCK, { description: 'One clock per reporting rule of the node, in the rules\' order.' }),
});

const notFound = (id: string) => new SetuError('SETU_ERR_API_NOT_FOUND', `No incident ${id} that this caller may read.`, { id });
/** Reads of a page whose gate verdict changed under it before the request gives up. */
const GATED_READS = 4;

/** The incident as the caller receives it, from each collection it may read; the newest version wins. */
async function readableIncident(ctx: ApiContext, principal: Principal, id: string): Promise<unknown> {
  const { store, foreignReads } = ctx.options;
  const reader = readScopeOf(principal.orgId);
  let newest: { version: string; object: unknown } | undefined;
  for (const collection of await store.listCollections()) {
    if (!canRead(principal, collection)) continue;
    const view = await foreignReads?.viewFor(collection.id, principal.orgId);
    for (let attempt = 1; attempt <= GATED_READS; attempt++) {
      const page = await store.queryObjects({ collectionId: collection.id, ids: [id], types: ['incident'], limit: 1, withJson: true, reader, ...(view === undefined ? {} : { gateReader: view.gateReader }) });
      const record = page.records[0];
      if (record === undefined) break;
      const json = view === undefined ? record.json : (await view.serve(page.records))?.[0];
      if (json === undefined || json === null) continue; // the gate's verdict changed under the read: read again
      if (newest === undefined || (record.version ?? '') > newest.version) newest = { version: record.version ?? '', object: JSON.parse(json) };
      break;
    }
  }
  return newest?.object;
}

export function registerIncidentRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const tags = ['incidents'];
  app.get('/incidents/:id/clocks', {
    schema: apiDoc({
      operationId: 'getIncidentClocks',
      summary: 'The reporting clocks of an incident',
      description:
        'Which regulator reports the incident calls for under the node\'s reporting rules (docs/incidents.md), to whom, due when (UTC, IST, JST), and in which state, computed from the incident as the caller may read it (through the outbound gate for a caller of another jurisdiction). An incident the caller may not read, or one without the Setu case extension, is a 404.',
      tags,
      params: ID,
      success: { status: 200, schema: CLOCKS, meaning: 'The clocks, one per rule.' },
      errors: [404],
    }),
  }, async (request) => {
    const { id } = request.params as { id: string };
    const object = await readableIncident(ctx, principalOf(ctx, request), id);
    if (object === undefined) throw notFound(id);
    let facts;
    try {
      facts = readCase(object).facts;
    } catch (error) {
      if (isSetuError(error) && error.code === 'SETU_ERR_INCIDENTS_NOT_AN_INCIDENT') throw new SetuError('SETU_ERR_API_NOT_FOUND', `Incident ${id} is not a Setu case (${error.message}).`, { id });
      throw error;
    }
    return { clocks: clocksFor(facts, ctx.options.reportingRules ?? BUILT_IN_RULES, ctx.options.clock()) };
  });
}
