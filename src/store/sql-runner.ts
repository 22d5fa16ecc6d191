// The few things dialect-neutral tables need from an adapter: run a statement written with `?`
// placeholders and read its rows, and translate a constraint violation. store/user-tables.ts is
// written once against this; each adapter hands in its own (sqlite/runner.ts, postgres/runner.ts).
import type { SetuError } from '../errors/index.js';

export interface SqlRunner {
  all<R>(sql: string, params: readonly unknown[]): Promise<R[]>;
  /** The number of rows changed. */
  run(sql: string, params: readonly unknown[]): Promise<number>;
  /** The typed store error for a constraint violation, or undefined for any other failure. */
  constraint(error: unknown, what: string, details: Record<string, unknown>): SetuError | undefined;
}
