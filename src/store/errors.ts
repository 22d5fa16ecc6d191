// The store's error catalogue: every code it throws, each with a one-line description.
// Thrown errors mean an operation failed; per-object outcomes of addObjects are status data.
import { SetuError } from '../errors/index.js';

export const STORE_ERRORS = {
  SETU_ERR_STORE_CLOSED: 'The store was used after close().',
  SETU_ERR_STORE_DUPLICATE_KEY: 'A record with this identifier already exists (organisation, token, collection, status).',
  SETU_ERR_STORE_UNKNOWN_COLLECTION: 'The collection named by the operation does not exist.',
  SETU_ERR_STORE_UNKNOWN_REFERENCE: 'A referenced record (for example an organisation) does not exist.',
  SETU_ERR_STORE_NODE_EXISTS: 'initNode was called on a store whose node is already initialised.',
  SETU_ERR_STORE_INVALID_QUERY: 'A query argument is out of range (limit, afterSeq) or a timestamp is not RFC 3339 UTC.',
  SETU_ERR_STORE_AUDIT_NOT_HEAD: 'An audit entry did not extend the chain head (wrong seq or prevHash); nothing was appended.',
  SETU_ERR_STORE_SCHEMA_TOO_NEW: 'The database was written by a newer Setu (unknown schema migrations); refusing to open it.',
} as const;

export type StoreErrorCode = keyof typeof STORE_ERRORS;

export function storeError(code: StoreErrorCode, message: string, details: Record<string, unknown> = {}): SetuError {
  return new SetuError(code, message, details);
}
