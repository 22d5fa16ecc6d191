// Migration 12's table, the reference index (store/types-refs.ts), written once for both stores:
// only the type of seq (the objects key) differs. Rows go with their version (ON DELETE CASCADE).
// Versions stored before migration 12 have no rows (a JSON-path backfill in SQL would read
// references differently from search.refsOf); docs/pivot.md says so.
export const REFS_MIGRATION_NAME = 'reference index: (version, ref path, target id) of every *_ref / *_refs';

export function refsMigrationSql(seqType: 'INTEGER' | 'bigint', tableSuffix: '' | ' WITHOUT ROWID'): string {
  return `
  CREATE TABLE object_refs (
    seq       ${seqType} NOT NULL REFERENCES objects (seq) ON DELETE CASCADE,
    path      TEXT NOT NULL,
    target_id TEXT NOT NULL,
    PRIMARY KEY (seq, path, target_id)
  )${tableSuffix};
  CREATE INDEX object_refs_by_target ON object_refs (target_id, seq);
`;
}
