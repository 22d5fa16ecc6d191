// Public face of src/users: people of organisations, their roles, sign-in (password + TOTP,
// recovery codes), browser sessions with CSRF, sign-in throttling and personal tokens.
export { USERS_ERRORS, USERS_HTTP_STATUS, type UsersErrorCode } from './errors.js';
export { ROLE_RANK, mayGrant, mayManageOrg, narrowRole, widerRole, type Actor } from './roles.js';
export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_MIN_SCORE, knownWords, passwordProblem, type PasswordProblem } from './password-policy.js';
export { ARGON2_PARAMETERS, hashPassword, verifyPassword } from './password-hash.js';
export { TOTP_PERIOD_SECONDS, totpCode, totpStep, totpUri } from './totp.js';
export { PERSONAL_TOKEN_PREFIX, RECOVERY_CODE_COUNT, sha256 } from './secrets.js';
export { DEFAULT_SESSION_TIMEOUTS, sessionVerdict, touchDue, type SessionTimeouts, type SessionVerdict } from './session-rules.js';
export { DEFAULT_THROTTLE, createSignInThrottle, type SignInThrottle, type ThrottleLimits, type ThrottleVerdict } from './throttle.js';
export { isoMicros, type UsersDeps } from './deps.js';
export { acceptablePasswordHash, addUser, checkRole, freshUser, disableUser, listManagedUsers, managedUser, resetUser, setUserRole, userView, type NewUser, type UserView } from './accounts.js';
export { checkSession, endAllSessions, endSession, startSession, type CheckedSession, type NewSession } from './sessions.js';
export { PERSONAL_TOKEN_MAX_DAYS, issuePersonalToken, personalTokenView, type NewPersonalToken, type TokenCaller } from './personal-tokens.js';
export { CSRF_HEADER, SESSION_COOKIE, SESSION_PRINCIPAL_PREFIX, isSessionPrincipal, peopleAuth, type PeopleAuth, type PersonRequest } from './people-auth.js';
export { sessionActor, signInWithPassword, type PasswordSignIn, type SignedIn } from './sign-in.js';
export { TOTP_ISSUER, beginTotp, confirmTotp, type TotpProof } from './second-factor.js';
export { claimValues, roleFromClaims } from './claims.js';
export { configureIdentityProvider, identityProviderView, isLoopbackUrl, normaliseIssuer, sameIssuer, type IdentityProviderInput } from './identity-provider.js';
export { SSO_SCOPE, ssoService, type SsoOptions, type SsoService } from './sso.js';
export { linkIdentity, linkUser } from './linking.js';
