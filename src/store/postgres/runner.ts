// SqlRunner over the pool: `?` placeholders become $1, $2, ... (once per statement text) and run
// as named prepared statements.
import type pg from 'pg';
import type { SqlRunner } from '../sql-runner.js';
import { fromConstraint } from './constraint-errors.js';
import { rows, run } from './statements.js';

export function postgresRunner(pool: pg.Pool): SqlRunner {
  const texts = new Map<string, string>();
  const text = (sql: string): string => {
    let found = texts.get(sql);
    if (found === undefined) {
      let n = 0;
      texts.set(sql, (found = sql.replace(/\?/g, () => `$${(n += 1)}`)));
    }
    return found;
  };
  return {
    all: async <R>(sql: string, params: readonly unknown[]) => rows<R & pg.QueryResultRow>(pool, text(sql), params) as Promise<R[]>,
    run: async (sql, params) => run(pool, text(sql), params),
    constraint: fromConstraint,
  };
}
