// Public face of api/: the JSON management API plugin.
export { API_PREFIX, apiPlugin } from './plugin.js';
export type { ApiOptions } from './context.js';
export { API_ERRORS, type ApiErrorCode } from './errors.js';
export { toApiError } from './error-mapping.js';
