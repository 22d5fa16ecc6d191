// The UserStore over migration 9's tables, written once for both adapters: plain SQL with `?`
// placeholders that SQLite and PostgreSQL read alike, run through the adapter's SqlRunner.
import type { SqlRunner } from './sql-runner.js';
import type { IdentityProviderRecord, SessionRecord, UserPatch, UserRecord, UserStore, UserTokenRecord } from './types-users.js';
import {
  USER_COLUMNS,
  toIdentityProvider,
  toSession,
  toUser,
  toUserToken,
  userColumnValue,
  type IdentityProviderRow,
  type SessionRow,
  type UserRow,
  type UserTokenRow,
} from './user-rows.js';

const USER_FIELDS = Object.keys(USER_COLUMNS) as (keyof UserRecord)[];
const INSERT_USER = `INSERT INTO users (${USER_FIELDS.map((f) => USER_COLUMNS[f]).join(', ')}) VALUES (${USER_FIELDS.map(() => '?').join(', ')})`;

export class UserTables implements UserStore {
  constructor(private readonly sql: SqlRunner) {}

  private async write(what: string, details: Record<string, unknown>, statement: string, params: readonly unknown[]): Promise<number> {
    try {
      return await this.sql.run(statement, params);
    } catch (error) {
      throw this.sql.constraint(error, what, details) ?? error;
    }
  }

  private async oneUser(where: string, params: readonly unknown[]): Promise<UserRecord | undefined> {
    const [row] = await this.sql.all<UserRow>(`SELECT * FROM users WHERE ${where}`, params);
    return row === undefined ? undefined : toUser(row);
  }

  async createUser(user: UserRecord): Promise<void> {
    await this.write(`user ${user.id}`, { id: user.id, email: user.email }, INSERT_USER, USER_FIELDS.map((f) => userColumnValue(f, user[f])));
  }
  async getUser(id: string): Promise<UserRecord | undefined> {
    return this.oneUser('id = ?', [id]);
  }
  async findUserByEmail(email: string): Promise<UserRecord | undefined> {
    return this.oneUser('email = ?', [email.toLowerCase()]);
  }
  async findUserBySubject(issuer: string, subject: string): Promise<UserRecord | undefined> {
    return this.oneUser('oidc_issuer = ? AND oidc_subject = ?', [issuer, subject]);
  }
  async listUsers(orgId?: string): Promise<UserRecord[]> {
    const rows = orgId === undefined
      ? await this.sql.all<UserRow>('SELECT * FROM users ORDER BY created_at, id', [])
      : await this.sql.all<UserRow>('SELECT * FROM users WHERE org_id = ? ORDER BY created_at, id', [orgId]);
    return rows.map(toUser);
  }
  async updateUser(id: string, patch: UserPatch): Promise<UserRecord | undefined> {
    const fields = (Object.keys(patch) as (keyof UserPatch)[]).filter((f) => patch[f] !== undefined);
    if (fields.length > 0) {
      const set = fields.map((f) => `${USER_COLUMNS[f]} = ?`).join(', ');
      await this.write(`user ${id}`, { id }, `UPDATE users SET ${set} WHERE id = ?`, [...fields.map((f) => userColumnValue(f, patch[f])), id]);
    }
    return this.getUser(id);
  }
  async useTotpStep(id: string, step: number): Promise<boolean> {
    return (await this.sql.run('UPDATE users SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?', [step, id, step])) === 1;
  }
  async useRecoveryCode(id: string, codeHash: string): Promise<boolean> {
    const user = await this.getUser(id);
    if (user === undefined || !user.recoveryCodes.includes(codeHash)) return false;
    const left = JSON.stringify(user.recoveryCodes.filter((c) => c !== codeHash));
    // Compare-and-set on the list read: two uses of one code cannot both succeed.
    return (await this.sql.run('UPDATE users SET recovery_codes = ? WHERE id = ? AND recovery_codes = ?', [left, id, JSON.stringify(user.recoveryCodes)])) === 1;
  }

  async createSession(s: SessionRecord): Promise<void> {
    await this.write('session', { userId: s.userId }, 'INSERT INTO user_sessions (id_hash, user_id, csrf_hash, created_at, last_seen_at, revoked_at, method) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      s.idHash, s.userId, s.csrfHash, s.createdAt, s.lastSeenAt, s.revokedAt, s.method,
    ]);
  }
  async getSession(idHash: string): Promise<SessionRecord | undefined> {
    const [row] = await this.sql.all<SessionRow>('SELECT * FROM user_sessions WHERE id_hash = ?', [idHash]);
    return row === undefined ? undefined : toSession(row);
  }
  async touchSession(idHash: string, at: string): Promise<void> {
    await this.sql.run('UPDATE user_sessions SET last_seen_at = ? WHERE id_hash = ? AND last_seen_at < ?', [at, idHash, at]);
  }
  async revokeSession(idHash: string, at: string): Promise<boolean> {
    return (await this.sql.run('UPDATE user_sessions SET revoked_at = ? WHERE id_hash = ? AND revoked_at IS NULL', [at, idHash])) === 1;
  }
  async revokeUserSessions(userId: string, at: string): Promise<number> {
    return this.sql.run('UPDATE user_sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL', [at, userId]);
  }

  async createUserToken(t: UserTokenRecord): Promise<void> {
    await this.write(`personal token ${t.id}`, { id: t.id, userId: t.userId }, 'INSERT INTO user_tokens (id, user_id, role, label, secret_hash, created_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
      t.id, t.userId, t.role, t.label, t.secretHash, t.createdAt, t.expiresAt, t.revokedAt,
    ]);
  }
  async findUserTokenByHash(secretHash: string): Promise<UserTokenRecord | undefined> {
    const [row] = await this.sql.all<UserTokenRow>('SELECT * FROM user_tokens WHERE secret_hash = ?', [secretHash]);
    return row === undefined ? undefined : toUserToken(row);
  }
  async listUserTokens(userId: string): Promise<UserTokenRecord[]> {
    return (await this.sql.all<UserTokenRow>('SELECT * FROM user_tokens WHERE user_id = ? ORDER BY created_at, id', [userId])).map(toUserToken);
  }
  async revokeUserToken(userId: string, id: string, at: string): Promise<boolean> {
    return (await this.sql.run('UPDATE user_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL', [at, id, userId])) === 1;
  }
  async revokeUserTokens(userId: string, at: string): Promise<number> {
    return this.sql.run('UPDATE user_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL', [at, userId]);
  }
  async revokeOrgTokensCreatedBy(userId: string, at: string): Promise<number> {
    return this.sql.run('UPDATE tokens SET revoked_at = ? WHERE created_by_user = ? AND revoked_at IS NULL', [at, userId]);
  }

  async putIdentityProvider(p: IdentityProviderRecord): Promise<void> {
    await this.write(`identity provider ${p.issuer}`, { orgId: p.orgId, issuer: p.issuer },
      `INSERT INTO org_identity_providers (org_id, issuer, client_id, client_secret, role_claim, role_map, default_role, jit, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (org_id) DO UPDATE SET issuer = excluded.issuer, client_id = excluded.client_id, client_secret = excluded.client_secret,
         role_claim = excluded.role_claim, role_map = excluded.role_map, default_role = excluded.default_role, jit = excluded.jit, updated_at = excluded.updated_at`,
      [p.orgId, p.issuer, p.clientId, p.clientSecret, p.roleClaim, JSON.stringify(p.roleMap), p.defaultRole, p.jit ? 1 : 0, p.updatedAt]);
  }
  async getIdentityProvider(orgId: string): Promise<IdentityProviderRecord | undefined> {
    const [row] = await this.sql.all<IdentityProviderRow>('SELECT * FROM org_identity_providers WHERE org_id = ?', [orgId]);
    return row === undefined ? undefined : toIdentityProvider(row);
  }
  async findIdentityProviderByIssuer(issuer: string): Promise<IdentityProviderRecord | undefined> {
    const [row] = await this.sql.all<IdentityProviderRow>('SELECT * FROM org_identity_providers WHERE issuer = ?', [issuer]);
    return row === undefined ? undefined : toIdentityProvider(row);
  }
}
