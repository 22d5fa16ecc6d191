// Error codes of the JSON management API (the one the web UI and scripts use; TAXII has its own).
export const API_ERRORS = {
  SETU_ERR_API_FORBIDDEN: 'the token is valid but its role or organisation may not perform this operation',
  SETU_ERR_API_NOT_FOUND: 'no API resource at this URL, or the named record does not exist',
  SETU_ERR_API_BAD_REQUEST: 'the request body or a parameter is malformed (wrong JSON type, missing field)',
} as const;

export type ApiErrorCode = keyof typeof API_ERRORS;
