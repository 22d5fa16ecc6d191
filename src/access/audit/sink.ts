// Recording: the one function every audited path calls. `auditSink(store, clock)` turns an event
// (action, actor, target, details) into the next chained entry inside the store's append
// transaction. The store and the clock are handed in; nothing here opens or reads anything itself.
import type { AuditActor, AuditEntry, AuditHead, AuditJsonObject, AuditStore } from '../../store/index.js';
import type { Principal } from '../principal.js';
import type { AuditAction, AuditChannel } from './actions.js';
import { nextEntry } from './chain.js';

export interface AuditEvent {
  readonly action: AuditAction;
  readonly actor: AuditActor;
  /** What was acted on, e.g. {collectionId, objects: [[id, version], ...]} or {orgId}. */
  readonly target: AuditJsonObject;
  /** Any JSON-serialisable object; it is stored (and hashed) as its JSON form. */
  readonly details?: object;
}

/** What other modules (ingest, review, sync, admin) are handed to record an event. */
export interface AuditSink {
  record(event: AuditEvent): Promise<AuditEntry>;
  /**
   * When this sink appends to `store`: how an event becomes the entry after `head`, so that a
   * write of that store can append it in its own transaction (AddObjectsRequest.audit). Undefined
   * for any other store (the caller then records after the write).
   */
  entryIn?(store: object): ((head: AuditHead | undefined, event: AuditEvent) => AuditEntry) | undefined;
}

/** Epoch milliseconds -> 'YYYY-MM-DDTHH:MM:SS.ffffffZ' (the form every entry's `at` takes). */
function atOf(ms: number): string {
  return `${new Date(Math.floor(ms)).toISOString().slice(0, 23)}000Z`;
}

export function auditSink(store: Pick<AuditStore, 'appendAudit'>, clock: () => number): AuditSink {
  return {
    record: (event) => store.appendAudit((head) => nextEntry(head, { ...event, at: atOf(clock()) })),
    entryIn: (other) => (other === store ? (head, event) => nextEntry(head, { ...event, at: atOf(clock()) }) : undefined),
  };
}

/** The actor of a request authenticated with a token. */
export function actorOf(principal: Principal, channel: AuditChannel): AuditActor {
  const actor = { orgId: principal.orgId, tokenId: principal.tokenId, role: principal.role, channel };
  return principal.userId === undefined ? actor : { ...actor, userId: principal.userId };
}

/** The actor of a local command: the node's own organisation, no token, acting as node-admin. */
export function localActor(nodeOrgId: string | null): AuditActor {
  return { orgId: nodeOrgId, tokenId: null, role: 'node-admin', channel: 'cli' };
}

/** One [id, version] pair per stored object version: the compact form write entries list. */
export function objectVersions(records: readonly { readonly id: string; readonly version: string | null; readonly dateAdded: string }[]): [string, string][] {
  return records.map((r) => [r.id, r.version ?? r.dateAdded]);
}
