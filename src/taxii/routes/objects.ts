// Get Objects, Add Objects, Get An Object and Delete An Object.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SetuError } from '../../errors/index.js';
import { ingest, splitBundleBytes } from '../../ingest/index.js';
import type { ReadScope } from '../../access/index.js';
import type { ObjectPage, ObjectQuery } from '../../store/index.js';
import { collectionFor, foreignViewOf, param, principalOf, readerOf, sendTaxii, type TaxiiContext } from '../context.js';
import type { ForeignView } from '../options.js';
import { dateAddedHeaders, objectsEnvelope, statusResource } from '../envelope.js';
import { isTaxiiContentType } from '../media-types.js';
import { parseFilters, type FilterParam } from '../query-params.js';
import { ENVELOPE_SCHEMA, STATUS_SCHEMA } from '../resource-schemas.js';
import { PARAMS, doc, operationId, querystring, responses } from '../schemas.js';
import { TAXII_MEDIA_TYPE } from '../media-types.js';
import { addRoute } from './add-route.js';
import { auditDelete, auditRead, auditWrite, writeAuditEntry } from '../audit.js';
import { checkPeerPush } from '../peer-push.js';

const LIST_FILTERS: readonly FilterParam[] = ['added_after', 'limit', 'next', 'match[id]', 'match[type]', 'match[version]', 'match[spec_version]'];
const ONE_FILTERS: readonly FilterParam[] = ['added_after', 'limit', 'next', 'match[version]', 'match[spec_version]'];
const DELETE_FILTERS: readonly FilterParam[] = ['match[version]', 'match[spec_version]'];

export function objectNotFound(id: string): SetuError {
  return new SetuError('SETU_ERR_TAXII_OBJECT_NOT_FOUND', `Object '${id}' not found.`);
}

/** True when the collection holds any version of the object this reader may read (else "no such object"). */
export async function objectExists(ctx: TaxiiContext, collectionId: string, id: string, reader: ReadScope, view?: ForeignView): Promise<boolean> {
  const page = await ctx.options.store.queryObjects({ collectionId, ids: [id], versions: [{ kind: 'all' }], limit: 1, withJson: false, reader, ...gated(view) });
  return page.records.length > 0;
}

/** The page-query term of a foreign reader's view: only versions the outbound gate lets out to it. */
export function gated(view: ForeignView | undefined): { gateReader?: string } {
  return view === undefined ? {} : { gateReader: view.gateReader };
}

/** Reads of a page whose gate verdict changed under it before the request gives up (each re-read records the change). */
const GATED_READS = 4;

/**
 * A page and its objects envelope, through the foreign reader's view when there is one. The view
 * decides the page again before serving it; when a version recorded as passing no longer passes,
 * the verdict is corrected and the page read again, so `more` and `next` stay exact.
 */
async function pageAndEnvelope(ctx: TaxiiContext, query: ObjectQuery, reader: ReadScope, view: ForeignView | undefined): Promise<{ page: ObjectPage; body: string }> {
  for (let attempt = 1; ; attempt++) {
    const page = await ctx.options.store.queryObjects(query);
    if (view === undefined) return { page, body: objectsEnvelope(page, reader) };
    const served = await view.serve(page.records);
    if (served !== undefined) return { page, body: objectsEnvelope(page, reader, served) };
    if (attempt === GATED_READS) {
      throw new SetuError('SETU_ERR_TAXII_GATE_CHANGED', 'What the outbound gate lets out to this reader changed while the page was read; read it again.');
    }
  }
}

export function registerObjects(scope: FastifyInstance, ctx: TaxiiContext, root: string): void {
  const { store } = ctx.options;
  const base = `/${root}/collections/:collectionId/objects/`;

  addRoute(scope, {
    method: 'GET',
    url: base,
    schema: doc(
      { summary: 'Get objects', description: "Objects in the collection, oldest added first, filtered and paged (more/next, X-TAXII-Date-Added-First/Last). A reader outside the node's jurisdiction gets only what the outbound gate lets out to it (redacted, pseudonymised; held and withheld versions do not exist for it).", operationId: operationId(ctx, 'getObjects', root) },
      { params: PARAMS.collection, querystring: querystring(LIST_FILTERS), response: responses(200, ENVELOPE_SCHEMA, 'An envelope with the objects of this page.', [400, 404]) },
    ),
    handler: async (request, reply) => {
      const collection = await collectionFor(ctx, request, 'read');
      const filters = parseFilters(request.query, LIST_FILTERS, ctx.pageSize);
      const reader = readerOf(ctx, request);
      const view = await foreignViewOf(ctx, request, collection.id);
      const { page, body } = await pageAndEnvelope(ctx, { collectionId: collection.id, ...filters, withJson: true, reader, ...gated(view) }, reader, view);
      await auditRead(ctx, request, collection.id, page.records);
      return sendTaxii(reply, 200, body, dateAddedHeaders(page));
    },
  });

  addRoute(scope, {
    method: 'POST',
    url: base,
    schema: doc(
      {
        summary: 'Add objects',
        description:
          'Adds the objects of a TAXII envelope (or STIX bundle). Each object is validated: invalid objects are reported as failures in the status resource while their valid siblings are stored. Answers 202 with the status resource.',
        operationId: operationId(ctx, 'addObjects', root),
      },
      {
        params: PARAMS.collection,
        consumes: [TAXII_MEDIA_TYPE],
        body: ENVELOPE_SCHEMA,
        response: responses(202, STATUS_SCHEMA, 'The status resource: which objects were stored and why the others were refused.', [400, 404, 413, 415, 422]),
      },
    ),
    // Rights are checked before the body is read: an unknown collection is a 404 without upload.
    preParsing: async (request: FastifyRequest, _reply, payload) => {
      if (!isTaxiiContentType(request.headers['content-type'])) {
        throw new SetuError('SETU_ERR_TAXII_UNSUPPORTED_MEDIA_TYPE', `Content-Type must be application/taxii+json;version=2.1, not "${request.headers['content-type'] ?? ''}".`);
      }
      await collectionFor(ctx, request, 'write');
      return payload;
    },
    handler: async (request, reply) => {
      const collection = await collectionFor(ctx, request, 'write');
      if (!Buffer.isBuffer(request.body)) {
        throw new SetuError('SETU_ERR_TAXII_UNSUPPORTED_MEDIA_TYPE', 'Add Objects needs a body of type application/taxii+json;version=2.1.');
      }
      const push = await checkPeerPush(ctx, request, collection.id, request.body);
      const audit = writeAuditEntry(ctx, request, collection.id);
      const result = await ingest({
        store,
        collectionId: collection.id,
        rawObjects: splitBundleBytes(request.body),
        clock: ctx.options.clock,
        newId: ctx.options.newId,
        events: ctx.options.events,
        log: request.log,
        strict: ctx.options.strictValidation ?? false,
        submitter: { orgId: principalOf(ctx, request).orgId },
        ...(audit === undefined ? {} : { audit }),
      });
      if (result.status.failures.length > 0) ctx.options.onRejected?.(result.status.failures.length);
      if (push !== undefined) await ctx.options.peerPushes?.received(push.peerId, collection.id, result.status.successes);
      if (audit === undefined) await auditWrite(ctx, request, collection.id, result);
      return sendTaxii(reply, 202, statusResource(result.status));
    },
  });

  addRoute(scope, {
    method: 'GET',
    url: `${base}:objectId/`,
    schema: doc(
      { summary: 'Get an object', description: "The versions of one object selected by match[version] (default: the latest), paged. A reader outside the node's jurisdiction gets only what the outbound gate lets out to it (redacted, pseudonymised; held and withheld versions do not exist for it).", operationId: operationId(ctx, 'getObject', root) },
      { params: PARAMS.object, querystring: querystring(ONE_FILTERS), response: responses(200, ENVELOPE_SCHEMA, 'An envelope with the selected versions of the object.', [400, 404]) },
    ),
    handler: async (request, reply) => {
      const collection = await collectionFor(ctx, request, 'read');
      const id = param(request, 'objectId');
      const filters = parseFilters(request.query, ONE_FILTERS, ctx.pageSize);
      const reader = readerOf(ctx, request);
      const view = await foreignViewOf(ctx, request, collection.id);
      const query: ObjectQuery = { collectionId: collection.id, ...filters, ids: [id], withJson: true, reader, ...gated(view) };
      const { page, body } = await pageAndEnvelope(ctx, query, reader, view);
      if (page.records.length === 0 && !(await objectExists(ctx, collection.id, id, reader, view))) throw objectNotFound(id);
      await auditRead(ctx, request, collection.id, page.records);
      return sendTaxii(reply, 200, body, dateAddedHeaders(page));
    },
  });

  addRoute(scope, {
    method: 'DELETE',
    url: `${base}:objectId/`,
    schema: doc(
      { summary: 'Delete an object', description: 'Deletes the versions selected by match[version] / match[spec_version] (default: every version).', operationId: operationId(ctx, 'deleteObject', root) },
      { params: PARAMS.object, querystring: querystring(DELETE_FILTERS), response: responses(200, null, 'The versions were deleted (no body).', [400, 404]) },
    ),
    handler: async (request, reply) => {
      const collection = await collectionFor(ctx, request, 'write');
      const id = param(request, 'objectId');
      const filters = parseFilters(request.query, DELETE_FILTERS, ctx.pageSize);
      // A version the gate holds from a writer outside does not exist for it, for a delete too.
      const view = await foreignViewOf(ctx, request, collection.id);
      const deleted = await store.deleteObject(collection.id, id, {
        reader: readerOf(ctx, request),
        ...gated(view),
        versions: filters.versions ?? [{ kind: 'all' }],
        ...(filters.specVersions === undefined ? {} : { specVersions: filters.specVersions }),
      });
      if (deleted === 0) throw objectNotFound(id);
      await auditDelete(ctx, request, collection.id, id, { versions: filters.versions ?? [{ kind: 'all' }], ...(filters.specVersions === undefined ? {} : { specVersions: filters.specVersions }) }, deleted);
      return sendTaxii(reply, 200, '');
    },
  });
}
