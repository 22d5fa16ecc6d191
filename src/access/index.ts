// Public face of access/: tokens, authentication, per-collection rights.

export { ACCESS_ERRORS, type AccessErrorCode } from './errors.js';
export type { Principal } from './principal.js';
export { TOKEN_PREFIX, hashTokenSecret, generateTokenSecret, newToken, type NewToken, type NewTokenOptions } from './tokens.js';
export { AUTH_SCHEMES, authenticate, parseAuthorization, principalOf, type AuthScheme, type AuthenticateDeps, type Credential } from './authenticate.js';
export { canRead, canWrite, canSee } from './rights.js';
export { AUDIT_ERRORS, actorOf, auditSink, localActor, objectVersions, type AuditAction, type AuditEvent, type AuditSink } from './audit/index.js';
