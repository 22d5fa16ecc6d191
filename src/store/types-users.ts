// The people part of the Store contract: users of an organisation, their browser sessions, their
// personal API tokens, and each organisation's OpenID Connect identity provider. The store keeps
// records; the rules (who may do what, when a session has expired) live in src/users.

/** Roles a person can hold: the token roles except 'peer' (a node, never a person). */
export const USER_ROLES = ['node-admin', 'org-admin', 'analyst', 'reader'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Languages the console speaks. */
export const USER_LANGUAGES = ['en', 'ja', 'hi'] as const;
export type UserLanguage = (typeof USER_LANGUAGES)[number];

export const SIGN_IN_METHODS = ['password', 'password+totp', 'recovery-code', 'oidc'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

export interface UserRecord {
  readonly id: string;
  readonly orgId: string;
  readonly role: UserRole;
  readonly displayName: string;
  /** Lower case; unique on the node. */
  readonly email: string;
  readonly language: UserLanguage;
  readonly createdAt: string;
  readonly disabledAt: string | null;
  /** argon2id PHC string, or null when the user has no local password. */
  readonly passwordHash: string | null;
  /** Base32 TOTP secret, or null when none is enrolled. */
  readonly totpSecret: string | null;
  /** True once a code from the secret was shown to work: only then is TOTP required. */
  readonly totpConfirmed: boolean;
  /** The last accepted TOTP time step (-1: none), so a code is accepted once. */
  readonly totpLastStep: number;
  /** A new secret being enrolled while the confirmed one stays in force (migration 13). */
  readonly totpPending?: string | null | undefined;
  /** SHA-256 hex of each unused recovery code. */
  readonly recoveryCodes: readonly string[];
  readonly oidcIssuer: string | null;
  readonly oidcSubject: string | null;
}

export type UserPatch = Partial<Pick<UserRecord, 'role' | 'displayName' | 'language' | 'disabledAt' | 'passwordHash' | 'totpSecret' | 'totpConfirmed' | 'totpPending' | 'recoveryCodes' | 'oidcIssuer' | 'oidcSubject'>>;

export interface SessionRecord {
  /** SHA-256 hex of the cookie secret (the secret itself is never stored). */
  readonly idHash: string;
  readonly userId: string;
  readonly csrfHash: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly revokedAt: string | null;
  readonly method: SignInMethod;
}

export interface UserTokenRecord {
  readonly id: string;
  readonly userId: string;
  /** The token's scope: never wider than its user's role when it is used. */
  readonly role: UserRole;
  readonly label: string | null;
  readonly secretHash: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
}

export interface IdentityProviderRecord {
  readonly orgId: string;
  /** The issuer URL exactly as the provider's discovery document states it. Unique on the node. */
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string | null;
  /** The claim holding the user's groups or roles (a string or a list of strings). */
  readonly roleClaim: string;
  /** Claim value -> role; several matching values give the widest mapped role. */
  readonly roleMap: Readonly<Record<string, UserRole>>;
  /** The role of a user none of whose claim values is mapped; null refuses them. */
  readonly defaultRole: UserRole | null;
  /** Provision unknown subjects of this issuer into orgId on first sign-in. */
  readonly jit: boolean;
  readonly updatedAt: string;
}

export interface UserStore {
  /** Rejects with SETU_ERR_STORE_DUPLICATE_KEY (id, email, issuer+subject) or SETU_ERR_STORE_UNKNOWN_REFERENCE (org). */
  createUser(user: UserRecord): Promise<void>;
  getUser(id: string): Promise<UserRecord | undefined>;
  findUserByEmail(email: string): Promise<UserRecord | undefined>;
  findUserBySubject(issuer: string, subject: string): Promise<UserRecord | undefined>;
  /** By creation time, then id; only the organisation's when orgId is given. */
  listUsers(orgId?: string): Promise<UserRecord[]>;
  /** The updated user, or undefined when there is none with this id. */
  updateUser(id: string, patch: UserPatch): Promise<UserRecord | undefined>;
  /** Accepts a TOTP step only if it is later than the last accepted one (true: accepted). */
  useTotpStep(id: string, step: number): Promise<boolean>;
  /** Removes one unused recovery code (true: it was there). */
  useRecoveryCode(id: string, codeHash: string): Promise<boolean>;

  createSession(session: SessionRecord): Promise<void>;
  getSession(idHash: string): Promise<SessionRecord | undefined>;
  touchSession(idHash: string, at: string): Promise<void>;
  /** True when the session existed and was not yet revoked. */
  revokeSession(idHash: string, at: string): Promise<boolean>;
  /** Revokes every live session of the user; returns how many. */
  revokeUserSessions(userId: string, at: string): Promise<number>;

  createUserToken(token: UserTokenRecord): Promise<void>;
  findUserTokenByHash(secretHash: string): Promise<UserTokenRecord | undefined>;
  listUserTokens(userId: string): Promise<UserTokenRecord[]>;
  /** True when the user's token existed and was not yet revoked. */
  revokeUserToken(userId: string, id: string, at: string): Promise<boolean>;
  /** Revokes every live token of the user; returns how many. */
  revokeUserTokens(userId: string, at: string): Promise<number>;
  /** Revokes every live organisation token the user minted (tokens.created_by_user); returns how many. */
  revokeOrgTokensCreatedBy(userId: string, at: string): Promise<number>;

  /** Creates or replaces the organisation's provider; a second organisation's same issuer is a duplicate key. */
  putIdentityProvider(provider: IdentityProviderRecord): Promise<void>;
  getIdentityProvider(orgId: string): Promise<IdentityProviderRecord | undefined>;
  findIdentityProviderByIssuer(issuer: string): Promise<IdentityProviderRecord | undefined>;
}
