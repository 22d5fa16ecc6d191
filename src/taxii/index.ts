// Public face of taxii/: the TAXII 2.1 Fastify plugin and its error mapping.

export { taxiiPlugin } from './plugin.js';
export type { TaxiiPluginOptions, ApiRootOptions } from './options.js';
export { TAXII_ERRORS, type TaxiiErrorCode } from './errors.js';
export { ERROR_HTTP, MAPPED_CATALOGUE, toTaxiiError, type MappedErrorCode, type TaxiiErrorBody, type TaxiiErrorResponse } from './error-mapping.js';
export { TAXII_MEDIA_TYPE, stixMediaType } from './media-types.js';
export { ERROR_BODY_SCHEMA } from './resource-schemas.js';
export type { PageSize } from './query-params.js';
export type { PeerPushHook, PeerPushVerdict } from './peer-push.js';
