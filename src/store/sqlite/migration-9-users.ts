// Migration 9: people (users, sessions, personal tokens, identity providers); the SQL is shared
// with PostgreSQL (store/users-schema.ts).
import { USERS_MIGRATION_NAME, USERS_MIGRATION_SQL } from '../users-schema.js';
import type { Migration } from './migrations.js';

export const MIGRATION_9_USERS: Migration = { version: 9, name: USERS_MIGRATION_NAME, sql: USERS_MIGRATION_SQL };
