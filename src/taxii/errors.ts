// Error codes thrown by taxii/ itself. Their HTTP status and TAXII error title live in
// error-mapping.ts, together with those of access/ and ingest/.

export const TAXII_ERRORS = {
  SETU_ERR_TAXII_NOT_FOUND: 'no TAXII resource at this URL',
  SETU_ERR_TAXII_COLLECTION_NOT_FOUND: 'the collection does not exist or is not visible to the requester',
  SETU_ERR_TAXII_OBJECT_NOT_FOUND: 'the collection holds no matching version of this object',
  SETU_ERR_TAXII_STATUS_NOT_FOUND: 'the status resource does not exist or is not visible to the requester',
  SETU_ERR_TAXII_FORBIDDEN: 'the requester may see the collection but lacks the right this request needs',
  SETU_ERR_TAXII_BAD_PARAMETER: 'a query parameter (filter, limit, added_after) has an invalid value',
  SETU_ERR_TAXII_BAD_NEXT: 'the next parameter is not a cursor this server issued',
  SETU_ERR_TAXII_NOT_ACCEPTABLE: 'the Accept header admits no media type this server can answer with',
  SETU_ERR_TAXII_UNSUPPORTED_MEDIA_TYPE: 'the request body is not application/taxii+json;version=2.1',
  SETU_ERR_TAXII_BODY_TOO_LARGE: 'the request body exceeds the API root max_content_length',
  SETU_ERR_TAXII_BAD_REQUEST: 'the HTTP request could not be read (bad Content-Length, aborted body, invalid URL)',
  SETU_ERR_TAXII_RATE_LIMITED: 'the token exceeded its per-minute request budget',
  SETU_ERR_TAXII_GATE_CHANGED: 'what the outbound gate lets out to a foreign reader kept changing while a page was read; read it again',
  SETU_ERR_TAXII_INTERNAL: 'an unexpected server-side failure',
} as const;

export type TaxiiErrorCode = keyof typeof TAXII_ERRORS;
