// Response bodies assembled as text. Object envelopes splice the stored JSON of each object in
// verbatim (byte-faithful, and no parse/serialise round trip); the other resources hold no STIX
// objects and are serialised with JSON.stringify.

import type { ReadScope } from '../access/index.js';
import type { ObjectPage, ObjectRecord, StatusRecord } from '../store/index.js';
import { encodeCursor } from './cursor.js';
import { servedJson } from './served-json.js';
import { stixMediaType } from './media-types.js';

/** `more` and, when there is more, `next` as the leading members of an envelope. */
function paging(page: ObjectPage): string {
  const last = page.records[page.records.length - 1];
  if (!page.more || last === undefined) return '"more":false';
  return `"more":true,"next":${JSON.stringify(encodeCursor(last.seq))}`;
}

/**
 * The TAXII envelope for the objects endpoints, each object as `reader` may see it, or, for a
 * reader outside the node's jurisdiction, as the outbound gate lets it out (`served`, one per record).
 */
export function objectsEnvelope(page: ObjectPage, reader: ReadScope, served?: readonly string[]): string {
  if (page.records.length === 0) return `{${paging(page)}}`;
  let body = `{${paging(page)},"objects":[`;
  for (let i = 0; i < page.records.length; i++) {
    if (i > 0) body += ',';
    const record = page.records[i];
    body += served?.[i] ?? (record === undefined ? 'null' : servedJson(record, reader));
  }
  return body + ']}';
}

/** The version a TAXII client sees: the object's modified/created, else when it was added. */
export function reportedVersion(record: ObjectRecord): string {
  return record.version ?? record.dateAdded;
}

export function manifestEnvelope(page: ObjectPage): string {
  const objects = page.records.map((r) => ({ id: r.id, date_added: r.dateAdded, version: reportedVersion(r), media_type: stixMediaType(r.specVersion) }));
  return objects.length === 0 ? `{${paging(page)}}` : `{${paging(page)},"objects":${JSON.stringify(objects)}}`;
}

export function versionsEnvelope(page: ObjectPage): string {
  const versions = page.records.map(reportedVersion);
  return versions.length === 0 ? `{${paging(page)}}` : `{${paging(page)},"versions":${JSON.stringify(versions)}}`;
}

/** X-TAXII-Date-Added-First / -Last for a page, or nothing for an empty one. */
export function dateAddedHeaders(page: ObjectPage): Record<string, string> {
  const first = page.records[0];
  const last = page.records[page.records.length - 1];
  if (first === undefined || last === undefined) return {};
  return { 'X-TAXII-Date-Added-First': first.dateAdded, 'X-TAXII-Date-Added-Last': last.dateAdded };
}

/** The TAXII status resource; empty detail lists are omitted. */
export function statusResource(status: StatusRecord): string {
  return JSON.stringify({
    id: status.id,
    status: status.status,
    request_timestamp: status.requestTimestamp,
    total_count: status.totalCount,
    success_count: status.successCount,
    ...(status.successes.length > 0 ? { successes: status.successes.map(detail) } : {}),
    failure_count: status.failureCount,
    ...(status.failures.length > 0 ? { failures: status.failures.map(detail) } : {}),
    pending_count: status.pendingCount,
    ...(status.pendings.length > 0 ? { pendings: status.pendings.map(detail) } : {}),
  });
}

function detail(d: StatusRecord['successes'][number]): Record<string, string> {
  return d.message === undefined ? { id: d.id, version: d.version } : { id: d.id, version: d.version, message: d.message };
}
