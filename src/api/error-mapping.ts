// Failures of the JSON API become HTTP answers here, in the same error-message shape as TAXII
// (title, description, error_code, http_status). Codes the TAXII mapping knows (authentication,
// store, rate limits) are answered exactly as TAXII answers them; administrative codes are added.
import { SetuError, isSetuError } from '../errors/index.js';
import { GATE_ERRORS, type GateErrorCode } from '../access/index.js';
import { NODE_ERRORS, type NodeErrorCode } from '../node/index.js';
import { toTaxiiError, type TaxiiErrorResponse } from '../taxii/index.js';
import { API_ERRORS, type ApiErrorCode } from './errors.js';
import { USERS_ERRORS, USERS_HTTP_STATUS, type UsersErrorCode } from '../users/index.js';
import { SEARCH_ERRORS, type SearchErrorCode } from '../search/index.js';

const STATUS: Record<NodeErrorCode | ApiErrorCode | GateErrorCode | UsersErrorCode | SearchErrorCode, { status: number; title: string }> = {
  ...USERS_HTTP_STATUS,
  ...(Object.fromEntries(Object.keys(SEARCH_ERRORS).map((code) => [code, { status: 400, title: 'Bad Request' }])) as Record<SearchErrorCode, { status: number; title: string }>),
  SETU_ERR_NODE_NOT_INITIALISED: { status: 500, title: 'Internal Server Error' },
  SETU_ERR_NODE_ALREADY_INITIALISED: { status: 409, title: 'Conflict' },
  SETU_ERR_NODE_CONFIG_INVALID: { status: 500, title: 'Internal Server Error' },
  SETU_ERR_NODE_BAD_ARGUMENT: { status: 400, title: 'Bad Request' },
  SETU_ERR_NODE_UNKNOWN_ORG: { status: 404, title: 'Not Found' },
  SETU_ERR_NODE_UNKNOWN_COLLECTION: { status: 404, title: 'Not Found' },
  SETU_ERR_NODE_UNKNOWN_COMMUNITY: { status: 404, title: 'Not Found' },
  SETU_ERR_NODE_DUPLICATE: { status: 409, title: 'Conflict' },
  SETU_ERR_NODE_ORG_CANNOT_WRITE: { status: 403, title: 'Forbidden' },
  SETU_ERR_API_FORBIDDEN: { status: 403, title: 'Forbidden' },
  SETU_ERR_API_NOT_FOUND: { status: 404, title: 'Not Found' },
  SETU_ERR_API_BAD_REQUEST: { status: 400, title: 'Bad Request' },
  SETU_ERR_GATE_BAD_PROFILE: { status: 500, title: 'Internal Server Error' },
  SETU_ERR_GATE_UNKNOWN_PROFILE: { status: 500, title: 'Internal Server Error' },
  SETU_ERR_GATE_BAD_KEY: { status: 500, title: 'Internal Server Error' },
  SETU_ERR_GATE_KEY_INSECURE: { status: 500, title: 'Internal Server Error' },
  SETU_ERR_GATE_REVIEW_NOT_FOUND: { status: 404, title: 'Not Found' },
  SETU_ERR_GATE_REVIEW_DECIDED: { status: 409, title: 'Conflict' },
};

const isAdministrative = (code: string): code is NodeErrorCode | ApiErrorCode | GateErrorCode | UsersErrorCode | SearchErrorCode =>
  Object.hasOwn(STATUS, code) && (Object.hasOwn(NODE_ERRORS, code) || Object.hasOwn(API_ERRORS, code) || Object.hasOwn(GATE_ERRORS, code) || Object.hasOwn(USERS_ERRORS, code) || Object.hasOwn(SEARCH_ERRORS, code));

export function toApiError(failure: unknown, errorId: string): TaxiiErrorResponse {
  const error = fromSchemaValidation(failure) ?? failure;
  if (isSetuError(error) && isAdministrative(error.code)) {
    const { status, title } = STATUS[error.code];
    // an unreachable identity provider is the upstream's fault (502), said as it is, not an internal error
    if (status < 500 || error.code === 'SETU_ERR_USERS_IDP_UNREACHABLE') {
      return {
        status,
        // A throttled sign-in says when to retry (RFC 6585).
        headers: error.code === 'SETU_ERR_USERS_THROTTLED' ? { 'retry-after': String(error.details['retryAfterSeconds']) } : {},
        internal: false,
        body: { title, description: error.message, error_id: errorId, error_code: error.code, http_status: String(status) },
      };
    }
  }
  return toTaxiiError(error, errorId);
}

/** A request the route schema refused (Fastify's validation error), as a 400 naming the field and the rule. */
function fromSchemaValidation(error: unknown): SetuError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { validation, validationContext } = error as { validation?: unknown; validationContext?: unknown };
  if (!Array.isArray(validation) || validation.length === 0) return undefined;
  const first = validation[0] as { instancePath?: string; message?: string; params?: { missingProperty?: string; allowedValues?: unknown } };
  const path = (first.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
  const field = first.params?.missingProperty ?? (path === '' ? String(validationContext ?? 'body') : path);
  const allowed = Array.isArray(first.params?.allowedValues) ? ` (${first.params.allowedValues.join(', ')})` : '';
  return new SetuError('SETU_ERR_API_BAD_REQUEST', `${String(validationContext ?? 'body')} field "${field}": ${first.message ?? 'is invalid'}${allowed}.`, { field });
}
