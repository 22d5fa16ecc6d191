// Migration 9: people (users, sessions, personal tokens, identity providers); the SQL is shared
// with PostgreSQL (store/users-schema.ts).
import { ORG_TOKEN_CREATOR_MIGRATION_NAME, ORG_TOKEN_CREATOR_MIGRATION_SQL, USERS_MIGRATION_NAME, USERS_MIGRATION_SQL } from '../users-schema.js';
import type { Migration } from './migrations.js';

export const MIGRATION_9_USERS: Migration = { version: 9, name: USERS_MIGRATION_NAME, sql: USERS_MIGRATION_SQL };

/** Migration 13 (the same statements on both stores): who minted an organisation token. */
export const MIGRATION_13_TOKEN_CREATOR: Migration = { version: 13, name: ORG_TOKEN_CREATOR_MIGRATION_NAME, sql: ORG_TOKEN_CREATOR_MIGRATION_SQL };
