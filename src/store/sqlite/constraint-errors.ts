// Translates SQLite constraint violations into the store's typed errors, in one place.
import type { SetuError } from '../../errors/index.js';
import { storeError } from '../errors.js';

interface SqliteLikeError {
  readonly code?: unknown;
  readonly message?: unknown;
}

/** The typed error for a constraint violation, or undefined when `error` is something else. */
export function fromConstraint(error: unknown, what: string, details: Record<string, unknown>): SetuError | undefined {
  const code = (error as SqliteLikeError | null)?.code;
  const message = String((error as SqliteLikeError | null)?.message ?? '');
  if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') {
    return storeError('SETU_ERR_STORE_DUPLICATE_KEY', `${what} already exists (${message})`, details);
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return storeError('SETU_ERR_STORE_UNKNOWN_REFERENCE', `${what} refers to a record that does not exist`, details);
  }
  return undefined;
}

/** Runs `write`, rethrowing constraint violations as typed errors. */
export function withConstraints<T>(what: string, details: Record<string, unknown>, write: () => T): T {
  try {
    return write();
  } catch (error) {
    throw fromConstraint(error, what, details) ?? error;
  }
}
