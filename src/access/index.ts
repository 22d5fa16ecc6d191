// Public face of access/: tokens, authentication, per-collection rights.

export { ACCESS_ERRORS, type AccessErrorCode } from './errors.js';
export type { Principal } from './principal.js';
export { TOKEN_PREFIX, hashTokenSecret, generateTokenSecret, newToken, type NewToken, type NewTokenOptions } from './tokens.js';
export { AUTH_SCHEMES, authenticate, parseAuthorization, principalOf, type AuthScheme, type AuthenticateDeps, type Credential } from './authenticate.js';
export { canRead, canWrite, canSee, collectionReaders, collectionWriters } from './rights.js';
export { TLP_LEVELS, TLP_RANK, isTlpLevel, parseTlp, stricter, tlpOfMarkings, tlpOfRank, type TlpLevel } from './tlp.js';
export { SETU_IDENTITY_NAMESPACE, orgIdentityId } from './identities.js';
export { ORG_KINDS, SECTORS, SECTORS_COMMON, SECTORS_IN, SECTORS_JP, isOrgKind, isSector, type OrgKind, type Sector } from './sectors.js';
export { SETU_PROJECT_IDENTITY_ID, SETU_RECIPIENTS_EXTENSION, SETU_RECIPIENTS_EXTENSION_ID, readRecipients, type RecipientsResult } from './extension.js';
export { classify, granularLevels, objectTlp, redReaders, type ClassifyContext, type ClassifyResult, type Classification } from './classify.js';
export { mayRead, readScopeOf, type ReadFacts, type ReadScope } from './visibility.js';
export { hiddenSelectors, withoutHiddenFields } from './granular.js';
export { mayPassOn, mayPassOnAll, type Actor, type Destination, type HeldObject, type OnwardDecision } from './onward.js';
export { passOn, type PassOnContext, type PassOnResult, type StoredVersion } from './pass-on.js';
export { AUDIT_ERRORS, actorOf, auditSink, deleteEvent, localActor, objectVersions, type AuditAction, type AuditEvent, type AuditSink } from './audit/index.js';
export * from './gate/index.js';
export { PII_KINDS, detectPersonalData, mergeThreats, threatContextOf, type PiiFinding, type PiiKind, type ThreatContext } from './pii/index.js';
