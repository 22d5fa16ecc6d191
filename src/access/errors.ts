// Error codes thrown by access/: authentication failures (HTTP 401 in taxii/), and a client
// certificate that names another organisation than the token (HTTP 403).

export const ACCESS_ERRORS = {
  SETU_ERR_ACCESS_NO_CREDENTIALS: 'the request carries no Authorization header',
  SETU_ERR_ACCESS_BAD_CREDENTIALS: 'the Authorization header is not a well-formed Basic or Bearer credential',
  SETU_ERR_ACCESS_UNKNOWN_TOKEN: 'no token with this secret exists',
  SETU_ERR_ACCESS_TOKEN_EXPIRED: 'the token is past its expiry time',
  SETU_ERR_ACCESS_TOKEN_REVOKED: 'the token was revoked',
  SETU_ERR_ACCESS_CERTIFICATE_MISMATCH: 'the TLS client certificate names another organisation than the token',
} as const;

export type AccessErrorCode = keyof typeof ACCESS_ERRORS;
