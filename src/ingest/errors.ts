// Error codes thrown by ingest/: the request as a whole could not be read. Per-object problems
// are never thrown; they become failures in the status resource.

export const INGEST_ERRORS = {
  SETU_ERR_INGEST_MALFORMED_JSON: 'the request body is not well-formed JSON',
  SETU_ERR_INGEST_BAD_ENVELOPE: 'the JSON is well formed but is not an envelope or bundle with an "objects" array',
  SETU_ERR_INGEST_BAD_ENCODING: 'the body holds bytes that are not well-formed UTF-8 outside any one object (an object holding some is refused alone)',
} as const;

export type IngestErrorCode = keyof typeof INGEST_ERRORS;
