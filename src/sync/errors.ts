// Error codes thrown by sync/. Per-object problems of a transfer are data (quarantine, status
// failures), never thrown; these are failures of a whole exchange with a peer.

export const SYNC_ERRORS = {
  SETU_ERR_SYNC_HTTP: 'the peer answered with an HTTP error status, or could not be reached in time',
  SETU_ERR_SYNC_PROTOCOL: 'the peer answered with something that is not the TAXII 2.1 resource expected',
  SETU_ERR_SYNC_NO_PROGRESS: 'a pull cannot page past objects that share one date_added on a server that offers no `next`',
  SETU_ERR_SYNC_UNAVAILABLE: 'the federation tables cannot be opened (a PostgreSQL node needs SETU_DATABASE_URL), or a subscription vanished mid-pass',
} as const;

export type SyncErrorCode = keyof typeof SYNC_ERRORS;
