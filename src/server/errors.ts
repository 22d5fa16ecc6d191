// Codes for failures of the HTTP server's own set-up (not of a request).
export const SERVER_ERRORS = {
  SETU_ERR_SERVER_PLAIN_HTTP_REFUSED: 'plain HTTP was requested on a non-loopback address without --allow-plain-http',
  SETU_ERR_SERVER_TLS_FILE: 'a TLS certificate, key or CA file could not be read',
  SETU_ERR_SERVER_TLS_INCOMPLETE: 'only one of --tls-cert and --tls-key was given, or a client CA without them',
  SETU_ERR_SERVER_PORT_IN_USE: 'the port to listen on is already taken by another process (choose another with --port or SETU_PORT)',
  SETU_ERR_SERVER_LISTEN_FAILED: 'the server could not listen on the address: it is not one of this machine, or the port needs privileges',
} as const;

export type ServerErrorCode = keyof typeof SERVER_ERRORS;
