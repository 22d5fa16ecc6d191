// Migration 6 (as SQLite's): objects.latest, the maintained newest-version flag. latest = 1
// exactly when the row is first in its (collection, id) history by spec_rank DESC, version_key
// DESC, seq DESC; 0 means "not known to be newest", so a query that uses the flag falls back to
// the per-row look-up for 0. addObjects flags a row no earlier version outranks; statement
// triggers (transition tables) then settle every id a statement touched, so several versions of
// one id in one multi-row INSERT, copies from SQLite, and deletes all leave the flag exact.
import type { Migration } from './migrations.js';

/** The seq of the newest version of (collection, id): SQL text over the given expressions. */
export const NEWEST_SEQ = (collection: string, id: string): string =>
  `(SELECT x.seq FROM objects x WHERE x.collection_key = ${collection} AND x.id = ${id} ORDER BY x.spec_rank DESC, x.version_key DESC, x.seq DESC LIMIT 1)`;

/** Flags exactly the newest row of each (collection_key, id) listed by `touched` (a FROM item aliased t). */
const SETTLE = (touched: string) => `
      UPDATE objects o SET latest = CASE WHEN o.seq = ${NEWEST_SEQ('t.collection_key', 't.id')} THEN 1 ELSE 0 END
        FROM (SELECT DISTINCT collection_key, id FROM ${touched}) t
        WHERE o.collection_key = t.collection_key AND o.id = t.id
          AND o.latest <> CASE WHEN o.seq = ${NEWEST_SEQ('t.collection_key', 't.id')} THEN 1 ELSE 0 END;`;

export const MIGRATION_6_LATEST: Migration = {
  version: 6,
  name: 'objects.latest: maintained newest-version flag for the default Get Objects page',
  sql: `
    ALTER TABLE objects ADD COLUMN latest integer NOT NULL DEFAULT 0;
    UPDATE objects o SET latest = 1 WHERE o.seq = ${NEWEST_SEQ('o.collection_key', 'o.id')};

    CREATE FUNCTION objects_latest_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN${SETTLE('added')}
      RETURN NULL;
    END $$;
    CREATE TRIGGER objects_latest_after_insert AFTER INSERT ON objects
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION objects_latest_after_insert();

    CREATE FUNCTION objects_latest_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN${SETTLE('removed')}
      RETURN NULL;
    END $$;
    CREATE TRIGGER objects_latest_after_delete AFTER DELETE ON objects
      REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION objects_latest_after_delete();
  `,
};
