// How many object versions a reader may read in a set of collections: one count with the reader
// predicate inside it (the management API's node summary), never a node-wide figure filtered later;
// for a foreign reader with its gate predicate too (only versions with a passing verdict count).
import type BetterSqlite3 from 'better-sqlite3';
import type { ReadScope } from '../types.js';
import { passesGate } from './gate.js';
import { readableBy } from './visibility.js';

export class ReadableCount {
  /** One statement per kind of reader (anonymous, organisation): the predicate's text differs. */
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(private readonly db: BetterSqlite3.Database) {}

  count(collectionIds: readonly string[], reader: ReadScope, gateReader?: string): number {
    if (collectionIds.length === 0) return 0;
    const params: Record<string, string | number> = { ids: JSON.stringify(collectionIds) };
    const predicate = [readableBy('o', reader, params), passesGate('o', gateReader, params)].filter((t) => t !== '').join(' AND ');
    let statement = this.statements.get(predicate);
    if (statement === undefined) {
      statement = this.db
        .prepare(`SELECT count(*) FROM objects o WHERE o.collection_key IN (SELECT key FROM collections WHERE id IN (SELECT value FROM json_each(@ids))) AND ${predicate}`)
        .pluck();
      this.statements.set(predicate, statement);
    }
    return statement.get(params) as number;
  }
}
