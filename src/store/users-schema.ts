// Migration 9's tables (people: users, their sessions, personal tokens, organisations' identity
// providers), written once: only TEXT and INTEGER columns, so the same statements create them on
// SQLite and on PostgreSQL and `setu migrate` copies them column for column.
export const USERS_MIGRATION_NAME = 'people: users, sessions, personal tokens, organisation identity providers';

// Migration 13: the person who minted an organisation token (NULL: a node-admin's command, a
// token or an older token); such tokens are revoked when that person is disabled or reset. And a
// TOTP secret being re-enrolled, kept beside the confirmed one (which stays in force) until confirmed.
export const ORG_TOKEN_CREATOR_MIGRATION_NAME = 'people: the person who minted an organisation token; a pending TOTP secret';
export const ORG_TOKEN_CREATOR_MIGRATION_SQL = `
  ALTER TABLE tokens ADD COLUMN created_by_user TEXT;
  CREATE INDEX tokens_by_creator ON tokens (created_by_user);
  ALTER TABLE users ADD COLUMN totp_pending TEXT;
`;

export const USERS_MIGRATION_SQL = `
  CREATE TABLE users (
    id              TEXT PRIMARY KEY,
    org_id          TEXT NOT NULL REFERENCES organisations (id),
    role            TEXT NOT NULL CHECK (role IN ('node-admin', 'org-admin', 'analyst', 'reader')),
    display_name    TEXT NOT NULL,
    email           TEXT NOT NULL UNIQUE,   -- lower case
    language        TEXT NOT NULL CHECK (language IN ('en', 'ja', 'hi')),
    created_at      TEXT NOT NULL,
    disabled_at     TEXT,                   -- users are disabled, never deleted (the audit names them)
    password_hash   TEXT,                   -- argon2id PHC string; NULL: no local password
    totp_secret     TEXT,                   -- base32; NULL: no second factor enrolled
    totp_confirmed  INTEGER NOT NULL DEFAULT 0,
    totp_last_step  INTEGER NOT NULL DEFAULT -1,  -- the last accepted time step (no replay)
    recovery_codes  TEXT NOT NULL DEFAULT '[]',   -- JSON array of SHA-256 hex of unused codes
    oidc_issuer     TEXT,
    oidc_subject    TEXT,
    UNIQUE (oidc_issuer, oidc_subject)
  );
  CREATE INDEX users_by_org ON users (org_id);

  CREATE TABLE user_sessions (
    id_hash       TEXT PRIMARY KEY,          -- SHA-256 hex of the cookie secret
    user_id       TEXT NOT NULL REFERENCES users (id),
    csrf_hash     TEXT NOT NULL,             -- SHA-256 hex of the session's CSRF token
    created_at    TEXT NOT NULL,
    last_seen_at  TEXT NOT NULL,
    revoked_at    TEXT,
    method        TEXT NOT NULL              -- password, password+totp, recovery-code, oidc
  );
  CREATE INDEX user_sessions_by_user ON user_sessions (user_id);

  CREATE TABLE user_tokens (
    id           TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES users (id),
    role         TEXT NOT NULL,              -- the scope: never wider than the user's role
    label        TEXT,
    secret_hash  TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    expires_at   TEXT NOT NULL,              -- personal tokens always expire
    revoked_at   TEXT
  );
  CREATE INDEX user_tokens_by_user ON user_tokens (user_id);

  CREATE TABLE org_identity_providers (
    org_id         TEXT PRIMARY KEY REFERENCES organisations (id),
    issuer         TEXT NOT NULL UNIQUE,
    client_id      TEXT NOT NULL,
    client_secret  TEXT,
    role_claim     TEXT NOT NULL,
    role_map       TEXT NOT NULL,            -- JSON object: claim value -> role
    default_role   TEXT,                     -- NULL: a user whose claims map to no role is refused
    jit            INTEGER NOT NULL,         -- 1: unknown subjects are provisioned into org_id
    updated_at     TEXT NOT NULL
  );
`;
