// Error codes of src/users (people, sign-in, sessions) and the HTTP status each answers with.
export const USERS_ERRORS = {
  SETU_ERR_USERS_WEAK_PASSWORD: 'the password is too short, too long, a known breached/common password, or too easy to guess',
  SETU_ERR_USERS_SIGN_IN_FAILED: 'the e-mail, password or second factor is wrong, or the user is disabled (one answer for all, so none is revealed)',
  SETU_ERR_USERS_SECOND_FACTOR_REQUIRED: 'the password was right and the user has TOTP: a code or a recovery code must be sent too',
  SETU_ERR_USERS_THROTTLED: 'too many failed sign-ins for this account or from this address; retry after the stated time',
  SETU_ERR_USERS_SESSION_EXPIRED: 'the session passed its idle or absolute timeout, or was signed out',
  SETU_ERR_USERS_CSRF: 'a state-changing request authenticated by the session cookie lacks the session\'s CSRF token header',
  SETU_ERR_USERS_UNKNOWN_USER: 'no user with this id (or e-mail) that the caller may manage',
  SETU_ERR_USERS_ROLE_NOT_ALLOWED: 'the role is wider than the caller may grant, or a personal token scope wider than its user\'s role',
  SETU_ERR_USERS_BAD_TOTP: 'the TOTP code given to confirm enrolment is wrong, or re-enrolling without a current code or recovery code',
  SETU_ERR_USERS_BAD_INPUT: 'a user field is malformed (e-mail, language, expiry)',
  SETU_ERR_USERS_SESSION_REQUIRED: 'this needs a person\'s browser session (sign-in): a personal or organisation token cannot mint tokens, change the second factor or sign out everywhere',
  SETU_ERR_USERS_IDP_UNREACHABLE: 'the identity provider (issuer named in the error) did not answer discovery or the token exchange',
  SETU_ERR_USERS_ALREADY_LINKED: 'the user already has an OIDC identity, or that issuer and subject belong to another user',
} as const;

export type UsersErrorCode = keyof typeof USERS_ERRORS;

/** How the JSON API answers each code. */
export const USERS_HTTP_STATUS: Readonly<Record<UsersErrorCode, { status: number; title: string }>> = {
  SETU_ERR_USERS_WEAK_PASSWORD: { status: 400, title: 'Bad Request' },
  SETU_ERR_USERS_SIGN_IN_FAILED: { status: 401, title: 'Unauthorized' },
  SETU_ERR_USERS_SECOND_FACTOR_REQUIRED: { status: 401, title: 'Unauthorized' },
  SETU_ERR_USERS_THROTTLED: { status: 429, title: 'Too Many Requests' },
  SETU_ERR_USERS_SESSION_EXPIRED: { status: 401, title: 'Unauthorized' },
  SETU_ERR_USERS_CSRF: { status: 403, title: 'Forbidden' },
  SETU_ERR_USERS_UNKNOWN_USER: { status: 404, title: 'Not Found' },
  SETU_ERR_USERS_ROLE_NOT_ALLOWED: { status: 403, title: 'Forbidden' },
  SETU_ERR_USERS_BAD_TOTP: { status: 400, title: 'Bad Request' },
  SETU_ERR_USERS_BAD_INPUT: { status: 400, title: 'Bad Request' },
  SETU_ERR_USERS_SESSION_REQUIRED: { status: 403, title: 'Forbidden' },
  SETU_ERR_USERS_IDP_UNREACHABLE: { status: 502, title: 'Bad Gateway' },
  SETU_ERR_USERS_ALREADY_LINKED: { status: 409, title: 'Conflict' },
};
