// Translates PostgreSQL constraint violations (SQLSTATE) into the store's typed errors, in one place.
import type { SetuError } from '../../errors/index.js';
import { storeError } from '../errors.js';

const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';

interface PgLikeError {
  readonly code?: unknown;
  readonly message?: unknown;
}

/** The typed error for a constraint violation, or undefined when `error` is something else. */
export function fromConstraint(error: unknown, what: string, details: Record<string, unknown>): SetuError | undefined {
  const code = (error as PgLikeError | null)?.code;
  const message = String((error as PgLikeError | null)?.message ?? '');
  if (code === UNIQUE_VIOLATION) return storeError('SETU_ERR_STORE_DUPLICATE_KEY', `${what} already exists (${message})`, details);
  if (code === FOREIGN_KEY_VIOLATION) {
    return storeError('SETU_ERR_STORE_UNKNOWN_REFERENCE', `${what} refers to a record that does not exist`, details);
  }
  return undefined;
}

/** Awaits `write`, rethrowing constraint violations as typed errors. */
export async function withConstraints<T>(what: string, details: Record<string, unknown>, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw fromConstraint(error, what, details) ?? error;
  }
}
