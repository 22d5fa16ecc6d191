// Row shapes and row -> record mappers that are the same in every adapter (the SQLite and
// PostgreSQL tables share column names and keep lists as JSON text), so each mapping exists once.
import type { AuditActor, AuditEntry, AuditJsonObject } from './types-audit.js';
import type { ReviewItem, ReviewReason } from './types-review.js';
import type { AddObjectsRequest, StatusDetail, StatusRecord } from './types.js';
import { storeError } from './errors.js';

export interface ReviewRow {
  id: string;
  destination_kind: ReviewItem['destinationKind'];
  destination_id: string;
  collection_id: string;
  object_id: string;
  object_type: string;
  version: string | null;
  content_hash: string;
  json: string;
  profile: string;
  reasons: string;
  created_at: string;
  state: ReviewItem['state'];
  decided_at: string | null;
  decided_by: string | null;
  note: string | null;
  release: ReviewItem['release'];
}

export function toReviewItem(row: ReviewRow): ReviewItem {
  return {
    id: row.id,
    destinationKind: row.destination_kind,
    destinationId: row.destination_id,
    collectionId: row.collection_id,
    objectId: row.object_id,
    objectType: row.object_type,
    version: row.version,
    contentHash: row.content_hash,
    json: row.json,
    profile: row.profile,
    reasons: JSON.parse(row.reasons) as ReviewReason[],
    createdAt: row.created_at,
    state: row.state,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    note: row.note,
    release: row.release,
  };
}

export const REVIEW_DEFAULT_LIMIT = 100;

export interface AuditRow {
  seq: number;
  at: string;
  action: string;
  actor: string;
  target: string;
  details: string;
  prev_hash: string;
  hash: string;
}

export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actor: JSON.parse(row.actor) as AuditActor,
    action: row.action,
    target: JSON.parse(row.target) as AuditJsonObject,
    details: JSON.parse(row.details) as AuditJsonObject,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export function checkAuditBound(name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isSafeInteger(value) && value >= 0)) {
    throw storeError('SETU_ERR_STORE_INVALID_QUERY', `${name} must be a non-negative safe integer (got ${value})`, { [name]: value });
  }
}

export interface StatusRow {
  id: string;
  collection_id: string;
  status: 'complete' | 'pending';
  request_timestamp: string;
  total_count: number;
  success_count: number;
  failure_count: number;
  pending_count: number;
  successes: string;
  failures: string;
  pendings: string;
  posted_by: string | null;
}

export function toStatusRecord(row: StatusRow): StatusRecord {
  return {
    id: row.id,
    collectionId: row.collection_id,
    status: row.status,
    requestTimestamp: row.request_timestamp,
    totalCount: row.total_count,
    successCount: row.success_count,
    failureCount: row.failure_count,
    pendingCount: row.pending_count,
    successes: JSON.parse(row.successes) as StatusDetail[],
    failures: JSON.parse(row.failures) as StatusDetail[],
    pendings: JSON.parse(row.pendings) as StatusDetail[],
    ...(row.posted_by === null ? {} : { postedBy: row.posted_by }),
  };
}

/** The status of an Add Objects request once the store has sorted its objects (both adapters). */
export function completeStatus(request: AddObjectsRequest, successes: StatusDetail[], failures: StatusDetail[]): StatusRecord {
  return {
    id: request.statusId,
    collectionId: request.collectionId,
    status: 'complete',
    requestTimestamp: request.requestTimestamp,
    totalCount: request.accepted.length + request.rejected.length,
    successCount: successes.length,
    failureCount: failures.length,
    pendingCount: 0,
    successes,
    failures,
    pendings: [],
    ...(request.postedBy === undefined ? {} : { postedBy: request.postedBy }),
  };
}
