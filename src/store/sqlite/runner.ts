// SqlRunner over one better-sqlite3 connection: each distinct statement is prepared once.
import type BetterSqlite3 from 'better-sqlite3';
import type { SqlRunner } from '../sql-runner.js';
import { fromConstraint } from './constraint-errors.js';

export function sqliteRunner(db: BetterSqlite3.Database): SqlRunner {
  const prepared = new Map<string, BetterSqlite3.Statement>();
  const statement = (sql: string): BetterSqlite3.Statement => {
    let found = prepared.get(sql);
    if (found === undefined) prepared.set(sql, (found = db.prepare(sql)));
    return found;
  };
  return {
    all: async <R>(sql: string, params: readonly unknown[]) => statement(sql).all(...params) as R[],
    run: async (sql, params) => statement(sql).run(...params).changes,
    constraint: fromConstraint,
  };
}
