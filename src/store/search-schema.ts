// Migration 11: the search indexes, kept in the same transaction as the objects they index (the
// write path inserts them, a delete of a version takes them with it). One term table, the same on
// both stores: (kind, value, seq) is its key, so a value search is an index range per probed key,
// and `source` says where in the object the value was found. Full text differs by dialect:
// - SQLite: FTS5 `search_words` (unicode61 keeping combining marks, so Hindi words stay whole)
//   over name and body, rowid = the version's seq, contentless (the words are only matched, never
//   read back, so no copy of the text is kept; contentless_delete lets a version's rows go); FTS5 `search_cjk` (trigram) over the text of
//   versions holding Japanese characters only, for substring search. A trigger clears both when a
//   version is deleted (FTS5 tables take no foreign key).
// - PostgreSQL: `search_text` with `tsvector`s of the 'simple' configuration (no stemming, so any
//   language's words are found as written) under a GIN index, and the Japanese text under a
//   pg_trgm GIN index when the extension is installed or may be created; otherwise the substring
//   search of Japanese words scans `search_text` rows holding Japanese text (docs/search.md).
// Versions stored before this migration are indexed by `setu reindex`.
export const SEARCH_MIGRATION_NAME = 'search: exact-value terms and full-text indexes';

const termsTable = (seqType: string, tail: string) => `
  CREATE TABLE search_terms (
    kind    TEXT NOT NULL,
    value   TEXT NOT NULL,
    seq     ${seqType} NOT NULL REFERENCES objects (seq) ON DELETE CASCADE,
    source  TEXT NOT NULL,          -- JSON path (or pattern position) of the first occurrence
    PRIMARY KEY (kind, value, seq)
  )${tail};
  CREATE INDEX search_terms_by_seq ON search_terms (seq);
`;

export const SQLITE_SEARCH_MIGRATION_SQL = `
  ${termsTable('INTEGER', ' WITHOUT ROWID')}
  CREATE VIRTUAL TABLE search_words USING fts5 (name, body, content = '', contentless_delete = 1,
    tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'");
  CREATE VIRTUAL TABLE search_cjk USING fts5 (text, tokenize = 'trigram');
  CREATE TRIGGER search_text_forget AFTER DELETE ON objects BEGIN
    DELETE FROM search_words WHERE rowid = old.seq;
    DELETE FROM search_cjk WHERE rowid = old.seq;
  END;
`;

export const POSTGRES_SEARCH_MIGRATION_SQL = `
  ${termsTable('bigint', '')}
  CREATE TABLE search_text (
    seq    bigint PRIMARY KEY REFERENCES objects (seq) ON DELETE CASCADE,
    name   tsvector NOT NULL,
    words  tsvector NOT NULL,       -- name and body
    cjk    text                     -- name and body when they hold Japanese characters
  );
  CREATE INDEX search_text_words ON search_text USING gin (words);
  DO $$
  DECLARE trgm text;
  BEGIN
    SELECT n.nspname INTO trgm FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm';
    IF trgm IS NULL THEN
      BEGIN
        CREATE EXTENSION pg_trgm SCHEMA public;
        trgm := 'public';
      EXCEPTION WHEN OTHERS THEN
        trgm := NULL;  -- no right to create it: Japanese substring search scans (docs/search.md)
      END;
    END IF;
    IF trgm IS NOT NULL THEN
      EXECUTE format('CREATE INDEX search_text_cjk ON search_text USING gin (cjk %I.gin_trgm_ops) WHERE cjk IS NOT NULL', trgm);
    END IF;
  END $$;
`;
