// Row shapes of migration 9's tables and their mappers, the same for every adapter.
import type { IdentityProviderRecord, SessionRecord, UserRecord, UserRole, UserTokenRecord } from './types-users.js';

export interface UserRow {
  id: string;
  org_id: string;
  role: UserRecord['role'];
  display_name: string;
  email: string;
  language: UserRecord['language'];
  created_at: string;
  disabled_at: string | null;
  password_hash: string | null;
  totp_secret: string | null;
  totp_confirmed: number;
  totp_last_step: number;
  totp_pending?: string | null;
  recovery_codes: string;
  oidc_issuer: string | null;
  oidc_subject: string | null;
}

export const USER_COLUMNS = Object.freeze({
  id: 'id',
  orgId: 'org_id',
  role: 'role',
  displayName: 'display_name',
  email: 'email',
  language: 'language',
  createdAt: 'created_at',
  disabledAt: 'disabled_at',
  passwordHash: 'password_hash',
  totpSecret: 'totp_secret',
  totpConfirmed: 'totp_confirmed',
  totpLastStep: 'totp_last_step',
  totpPending: 'totp_pending',
  recoveryCodes: 'recovery_codes',
  oidcIssuer: 'oidc_issuer',
  oidcSubject: 'oidc_subject',
} satisfies Record<keyof UserRecord, keyof UserRow>);

/** A record field as its column value (booleans as 0/1, lists as JSON text). */
export function userColumnValue(field: keyof UserRecord, value: unknown): unknown {
  if (field === 'totpConfirmed') return value === true ? 1 : 0;
  if (field === 'recoveryCodes') return JSON.stringify(value);
  return value ?? null;
}

export function toUser(row: UserRow): UserRecord {
  return {
    id: row.id,
    orgId: row.org_id,
    role: row.role,
    displayName: row.display_name,
    email: row.email,
    language: row.language,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
    passwordHash: row.password_hash,
    totpSecret: row.totp_secret,
    totpConfirmed: Number(row.totp_confirmed) === 1,
    totpLastStep: Number(row.totp_last_step),
    ...(row.totp_pending ? { totpPending: row.totp_pending } : {}),
    recoveryCodes: JSON.parse(row.recovery_codes) as string[],
    oidcIssuer: row.oidc_issuer,
    oidcSubject: row.oidc_subject,
  };
}

export interface SessionRow {
  id_hash: string;
  user_id: string;
  csrf_hash: string;
  created_at: string;
  last_seen_at: string;
  revoked_at: string | null;
  method: SessionRecord['method'];
}

export function toSession(row: SessionRow): SessionRecord {
  return {
    idHash: row.id_hash,
    userId: row.user_id,
    csrfHash: row.csrf_hash,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    revokedAt: row.revoked_at,
    method: row.method,
  };
}

export interface UserTokenRow {
  id: string;
  user_id: string;
  role: UserRole;
  label: string | null;
  secret_hash: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export function toUserToken(row: UserTokenRow): UserTokenRecord {
  return {
    id: row.id,
    userId: row.user_id,
    role: row.role,
    label: row.label,
    secretHash: row.secret_hash,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}

export interface IdentityProviderRow {
  org_id: string;
  issuer: string;
  client_id: string;
  client_secret: string | null;
  role_claim: string;
  role_map: string;
  default_role: UserRole | null;
  jit: number;
  updated_at: string;
}

export function toIdentityProvider(row: IdentityProviderRow): IdentityProviderRecord {
  return {
    orgId: row.org_id,
    issuer: row.issuer,
    clientId: row.client_id,
    clientSecret: row.client_secret,
    roleClaim: row.role_claim,
    roleMap: JSON.parse(row.role_map) as Record<string, UserRole>,
    defaultRole: row.default_role,
    jit: Number(row.jit) === 1,
    updatedAt: row.updated_at,
  };
}
