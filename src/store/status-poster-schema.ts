// Migration 10 (the same statement on SQLite and PostgreSQL): a status resource records the
// organisation that posted it, so Get Status can answer that organisation alone. Statuses recorded
// before it have no poster and are shown to node administrators only.
export const STATUS_POSTER_MIGRATION_NAME = 'status resources record the organisation that posted';
export const STATUS_POSTER_MIGRATION_SQL = 'ALTER TABLE statuses ADD COLUMN posted_by TEXT;';
