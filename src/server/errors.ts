// Codes for failures of the HTTP server's own set-up (not of a request).
export const SERVER_ERRORS = {
  SETU_ERR_SERVER_PLAIN_HTTP_REFUSED: {
    code: 'SETU_ERR_SERVER_PLAIN_HTTP_REFUSED',
    description: 'Plain HTTP was requested on a non-loopback address without --allow-plain-http.',
  },
  SETU_ERR_SERVER_TLS_FILE: {
    code: 'SETU_ERR_SERVER_TLS_FILE',
    description: 'A TLS certificate, key or CA file could not be read.',
  },
  SETU_ERR_SERVER_TLS_INCOMPLETE: {
    code: 'SETU_ERR_SERVER_TLS_INCOMPLETE',
    description: 'Only one of --tls-cert and --tls-key was given, or a client CA without them.',
  },
} as const;
