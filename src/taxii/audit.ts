// What TAXII records in the audit log, one entry per request: the versions a write stored (in the
// write's own transaction when the sink appends to the same store), a delete, and the
// AMBER/AMBER+STRICT/RED versions another organisation read. A no-op when the plugin was given no
// audit sink.
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../access/index.js';
import { deleteEvent, readEvent, writeEvent } from '../access/audit/index.js';
import type { AddObjectsRequest, AddObjectsResult, ObjectRecord, VersionSelector } from '../store/index.js';
import { principalOf, type TaxiiContext } from './context.js';

/**
 * The audit entry of a write, for the store to append in the write's own transaction (no entry
 * when nothing was added); undefined when the audit sink does not append to this store, and the
 * write is then recorded afterwards with auditWrite.
 */
export function writeAuditEntry(ctx: TaxiiContext, request: FastifyRequest, collectionId: string): AddObjectsRequest['audit'] {
  const build = ctx.options.audit?.entryIn?.(ctx.options.store);
  if (build === undefined) return undefined;
  const actor = actorOf(principalOf(ctx, request), 'taxii');
  return (head, outcome) =>
    outcome.added.length === 0 ? undefined : build(head, writeEvent(actor, collectionId, outcome.status.id, outcome.added, outcome.status.failureCount));
}

export async function auditWrite(ctx: TaxiiContext, request: FastifyRequest, collectionId: string, result: AddObjectsResult): Promise<void> {
  const sink = ctx.options.audit;
  if (sink === undefined || result.added.length === 0) return;
  await sink.record(writeEvent(actorOf(principalOf(ctx, request), 'taxii'), collectionId, result.status.id, result.added, result.status.failureCount));
}

export async function auditDelete(ctx: TaxiiContext, request: FastifyRequest, collectionId: string, objectId: string, filter: { versions: readonly VersionSelector[]; specVersions?: readonly string[] }, deleted: number): Promise<void> {
  const sink = ctx.options.audit;
  if (sink === undefined || deleted === 0) return;
  await sink.record(deleteEvent(actorOf(principalOf(ctx, request), 'taxii'), collectionId, objectId, filter.versions, filter.specVersions, deleted));
}

export async function auditRead(ctx: TaxiiContext, request: FastifyRequest, collectionId: string, records: readonly ObjectRecord[]): Promise<void> {
  const sink = ctx.options.audit;
  const principal = ctx.principals.get(request);
  if (sink === undefined || principal === undefined || records.length === 0) return;
  const event = readEvent(actorOf(principal, 'taxii'), collectionId, records);
  if (event !== undefined) await sink.record(event);
}
