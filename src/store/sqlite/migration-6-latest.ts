// Migration 6: a maintained "newest version" flag on objects, so the default Get Objects page
// (match[version]=last, newest spec_version) is an index range over (collection, seq) with no
// per-row look-up for almost every row.
//
// latest = 1 exactly when the row is first in its (collection, id) history ordered by
// spec_rank DESC, version_key DESC, seq DESC, i.e. what 'last' selects when nothing is hidden
// from the reader. latest = 0 only means "not known to be newest": the page query then falls back
// to the per-row look-up of the newest version the reader may see, so a reader who cannot see the
// newest version still gets its own newest (visibility is per reader, the flag is not).
// Correctness needs only: latest = 1 implies newest. addObjects (object-writes.ts, the only
// writer of objects) sets the flag of a row it inserts as newest and clears it on the versions
// that row outranks. That is done there and not by an insert trigger: any row trigger on objects,
// even one whose WHEN clause never holds, measured ~11 us per inserted row, a third of the write.
// Deletes are rare: a trigger flags the next newest when the newest goes.
import type { Migration } from './migrations.js';

const NEWEST_SEQ = (collection: string, id: string) =>
  `(SELECT x.seq FROM objects x WHERE x.collection_key = ${collection} AND x.id = ${id} ORDER BY x.spec_rank DESC, x.version_key DESC, x.seq DESC LIMIT 1)`;

export const MIGRATION_6_LATEST: Migration = {
  version: 6,
  name: 'objects.latest: maintained newest-version flag for the default Get Objects page',
  sql: `
    ALTER TABLE objects ADD COLUMN latest INTEGER NOT NULL DEFAULT 0;
    UPDATE objects SET latest = 1 WHERE seq = ${NEWEST_SEQ('objects.collection_key', 'objects.id')};

    CREATE TRIGGER objects_latest_after_delete AFTER DELETE ON objects WHEN OLD.latest = 1 BEGIN
      UPDATE objects SET latest = 1 WHERE seq = ${NEWEST_SEQ('OLD.collection_key', 'OLD.id')};
    END;
  `,
};
