// The one place where failures become HTTP: every SetuError code that can reach a TAXII response
// maps to a status and a TAXII error-message title; Fastify's own errors (unsupported media type,
// body too large, bad Content-Length, schema validation) are translated first. Anything unknown is
// a 500 whose body reveals nothing internal.

import { STATUS_CODES } from 'node:http';
import { isSetuError } from '../errors/index.js';
import { ACCESS_ERRORS, type AccessErrorCode } from '../access/index.js';
import { INGEST_ERRORS, type IngestErrorCode } from '../ingest/index.js';
import { STORE_ERRORS, type StoreErrorCode } from '../store/index.js';
import { TAXII_ERRORS, type TaxiiErrorCode } from './errors.js';
import { USERS_ERRORS } from '../users/index.js';

/** A person's session (src/users) can end or lack its CSRF token on TAXII requests too. */
type SessionErrorCode = 'SETU_ERR_USERS_SESSION_EXPIRED' | 'SETU_ERR_USERS_CSRF';

export type MappedErrorCode = AccessErrorCode | IngestErrorCode | StoreErrorCode | TaxiiErrorCode | SessionErrorCode;

interface HttpMapping {
  readonly status: number;
  readonly title: string;
}

const UNAUTHORIZED: HttpMapping = { status: 401, title: 'Unauthorized' };
const INTERNAL: HttpMapping = { status: 500, title: 'Internal Server Error' };

export const ERROR_HTTP: Record<MappedErrorCode, HttpMapping> = {
  SETU_ERR_ACCESS_NO_CREDENTIALS: UNAUTHORIZED,
  SETU_ERR_ACCESS_BAD_CREDENTIALS: UNAUTHORIZED,
  SETU_ERR_ACCESS_UNKNOWN_TOKEN: UNAUTHORIZED,
  SETU_ERR_ACCESS_TOKEN_EXPIRED: UNAUTHORIZED,
  SETU_ERR_ACCESS_TOKEN_REVOKED: UNAUTHORIZED,
  SETU_ERR_ACCESS_CERTIFICATE_MISMATCH: { status: 403, title: 'Forbidden' },
  SETU_ERR_USERS_SESSION_EXPIRED: UNAUTHORIZED,
  SETU_ERR_USERS_CSRF: { status: 403, title: 'Forbidden' },
  SETU_ERR_INGEST_MALFORMED_JSON: { status: 400, title: 'Malformed JSON' },
  SETU_ERR_INGEST_BAD_ENVELOPE: { status: 422, title: 'Unprocessable Envelope' },
  SETU_ERR_INGEST_BAD_ENCODING: { status: 400, title: 'Invalid UTF-8' },
  SETU_ERR_STORE_UNKNOWN_COLLECTION: { status: 404, title: 'Collection Not Found' },
  SETU_ERR_STORE_INVALID_QUERY: { status: 400, title: 'Bad Request Parameter' },
  SETU_ERR_STORE_CLOSED: INTERNAL,
  SETU_ERR_STORE_DUPLICATE_KEY: INTERNAL,
  SETU_ERR_STORE_UNKNOWN_REFERENCE: INTERNAL,
  SETU_ERR_STORE_NODE_EXISTS: INTERNAL,
  SETU_ERR_STORE_SCHEMA_TOO_NEW: INTERNAL,
  SETU_ERR_STORE_AUDIT_NOT_HEAD: INTERNAL,
  SETU_ERR_TAXII_NOT_FOUND: { status: 404, title: 'Not Found' },
  SETU_ERR_TAXII_COLLECTION_NOT_FOUND: { status: 404, title: 'Collection Not Found' },
  SETU_ERR_TAXII_OBJECT_NOT_FOUND: { status: 404, title: 'Object Not Found' },
  SETU_ERR_TAXII_STATUS_NOT_FOUND: { status: 404, title: 'Status Not Found' },
  SETU_ERR_TAXII_FORBIDDEN: { status: 403, title: 'Forbidden' },
  SETU_ERR_TAXII_BAD_PARAMETER: { status: 400, title: 'Bad Request Parameter' },
  SETU_ERR_TAXII_BAD_NEXT: { status: 400, title: 'Bad Request Parameter' },
  SETU_ERR_TAXII_NOT_ACCEPTABLE: { status: 406, title: 'Not Acceptable' },
  SETU_ERR_TAXII_UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported Media Type' },
  SETU_ERR_TAXII_BODY_TOO_LARGE: { status: 413, title: 'Payload Too Large' },
  SETU_ERR_TAXII_BAD_REQUEST: { status: 400, title: 'Bad Request' },
  SETU_ERR_TAXII_RATE_LIMITED: { status: 429, title: 'Too Many Requests' },
  SETU_ERR_TAXII_GATE_CHANGED: { status: 503, title: 'Service Unavailable' },
  SETU_ERR_TAXII_INTERNAL: INTERNAL,
};

/** Every mapped code with its one-line description (the catalogue the tests check against). */
export const MAPPED_CATALOGUE: Readonly<Record<MappedErrorCode, string>> = {
  ...ACCESS_ERRORS,
  ...INGEST_ERRORS,
  ...STORE_ERRORS,
  ...TAXII_ERRORS,
  SETU_ERR_USERS_SESSION_EXPIRED: USERS_ERRORS.SETU_ERR_USERS_SESSION_EXPIRED,
  SETU_ERR_USERS_CSRF: USERS_ERRORS.SETU_ERR_USERS_CSRF,
};

function isMappedCode(code: string): code is MappedErrorCode {
  return Object.hasOwn(ERROR_HTTP, code);
}

/** Fastify error codes this server can meet, and the Setu code each stands for. */
const FASTIFY_CODES: Readonly<Record<string, TaxiiErrorCode>> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'SETU_ERR_TAXII_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'SETU_ERR_TAXII_BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'SETU_ERR_TAXII_BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'SETU_ERR_TAXII_BAD_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'SETU_ERR_TAXII_BAD_REQUEST',
  FST_ERR_VALIDATION: 'SETU_ERR_TAXII_BAD_PARAMETER',
  FST_ERR_BAD_URL: 'SETU_ERR_TAXII_BAD_REQUEST',
  FST_ERR_ASYNC_CONSTRAINT: 'SETU_ERR_TAXII_BAD_REQUEST',
};

/** The TAXII 2.1 error message resource. `http_status` is a string, as the specification defines it. */
export interface TaxiiErrorBody {
  readonly title: string;
  readonly description?: string;
  readonly error_id?: string;
  readonly error_code?: string;
  readonly http_status: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface TaxiiErrorResponse {
  readonly status: number;
  readonly body: TaxiiErrorBody;
  readonly headers: Readonly<Record<string, string>>;
  /** True when the failure is the server's (to be logged as an error, not just a client mistake). */
  readonly internal: boolean;
}

/** Details safe to show a client, per code. Anything else in SetuError.details stays server-side. */
const PUBLIC_DETAILS = ['offset', 'parameter', 'limit', 'retryAfterSeconds'] as const;

export function toTaxiiError(error: unknown, errorId?: string): TaxiiErrorResponse {
  if (isSetuError(error) && isMappedCode(error.code)) {
    const mapping = ERROR_HTTP[error.code];
    if (mapping.status >= 500) return internalError(errorId);
    const details: Record<string, unknown> = {};
    for (const key of PUBLIC_DETAILS) if (error.details[key] !== undefined) details[key] = error.details[key];
    const headers: Record<string, string> = {};
    if (mapping.status === 401) headers['www-authenticate'] = 'Bearer realm="setu", Basic realm="setu", charset="UTF-8"';
    const retry = error.details['retryAfterSeconds'];
    if (mapping.status === 429 && typeof retry === 'number') headers['retry-after'] = String(retry);
    return build(mapping, error.code, error.message, errorId, headers, Object.keys(details).length > 0 ? details : undefined);
  }
  const fastifyCode = fastifyCodeOf(error);
  if (fastifyCode !== undefined) {
    const message = fastifyCode === 'SETU_ERR_TAXII_BAD_PARAMETER' ? `Invalid request parameters: ${(error as Error).message}` : MAPPED_CATALOGUE[fastifyCode];
    return build(ERROR_HTTP[fastifyCode], fastifyCode, capitalise(message), errorId, {});
  }
  const status = statusOf(error);
  if (status !== undefined && status >= 400 && status < 500) {
    return build({ status, title: STATUS_CODES[status] ?? 'Bad Request' }, 'SETU_ERR_TAXII_BAD_REQUEST', capitalise(TAXII_ERRORS.SETU_ERR_TAXII_BAD_REQUEST), errorId, {});
  }
  return internalError(errorId);
}

/** A 500 that says nothing about the cause (it is logged server-side). */
function internalError(errorId: string | undefined): TaxiiErrorResponse {
  const response = build(INTERNAL, 'SETU_ERR_TAXII_INTERNAL', 'The server failed to process the request; nothing acknowledged was lost. The failure has been logged.', errorId, {});
  return { ...response, internal: true };
}

function build(mapping: HttpMapping, code: string, description: string, errorId: string | undefined, headers: Record<string, string>, details?: Record<string, unknown>): TaxiiErrorResponse {
  const body: TaxiiErrorBody = {
    title: mapping.title,
    description,
    ...(errorId === undefined ? {} : { error_id: errorId }),
    error_code: code,
    http_status: String(mapping.status),
    ...(details === undefined ? {} : { details }),
  };
  return { status: mapping.status, body, headers, internal: false };
}

function fastifyCodeOf(error: unknown): TaxiiErrorCode | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && Object.hasOwn(FASTIFY_CODES, code)) return FASTIFY_CODES[code];
  if ((error as { validation?: unknown }).validation !== undefined) return 'SETU_ERR_TAXII_BAD_PARAMETER';
  return undefined;
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' ? status : undefined;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1) + (text.endsWith('.') ? '' : '.');
}
