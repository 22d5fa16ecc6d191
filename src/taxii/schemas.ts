// Route schemas for OpenAPI (@fastify/swagger): operationId, path parameters and query strings
// with the TAXII 2.1 meaning of each filter, request body, and the answers (success and every
// error status the route can give). Values are checked by query-params.ts, which gives TAXII error
// bodies; these schemas only describe (a filter may repeat, so each accepts a string or a list).
// Responses are JSON text assembled from stored objects, so the response schemas describe them and
// are never used to re-serialise them.

import { Type, type TSchema } from 'typebox';
import { TAXII_MEDIA_TYPE } from './media-types.js';
import type { TaxiiContext } from './context.js';
import type { FilterParam } from './query-params.js';
import { ENVELOPE_SCHEMA, ERROR_BODY_SCHEMA, MANIFEST_SCHEMA, VERSIONS_SCHEMA } from './resource-schemas.js';

const TAGS = ['TAXII 2.1'];

const multi = (description: string) => Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())], { description }));

const FILTER_SCHEMAS: Record<FilterParam, ReturnType<typeof multi>> = {
  added_after: multi('Only records added to the collection after this RFC 3339 timestamp (exclusive).'),
  limit: multi('Largest number of records in this page (a positive integer; the server may return fewer).'),
  next: multi('The "next" value of the previous page, to continue paging.'),
  'match[id]': multi('Comma-separated STIX identifiers to select.'),
  'match[type]': multi('Comma-separated STIX object types to select.'),
  'match[version]': multi('Comma-separated: "last" (default), "first", "all", or exact version timestamps.'),
  'match[spec_version]': multi('Comma-separated STIX spec versions (default: the newest held for each object).'),
};

export function querystring(filters: readonly FilterParam[]) {
  const properties: Record<string, ReturnType<typeof multi>> = {};
  for (const name of filters) properties[name] = FILTER_SCHEMAS[name];
  return Type.Object(properties);
}

const collectionId = Type.String({ description: 'The collection identifier.' });
const objectId = Type.String({ description: 'The STIX identifier of the object.' });

export const PARAMS = {
  collection: Type.Object({ collectionId }),
  object: Type.Object({ collectionId, objectId }),
  status: Type.Object({ statusId: Type.String({ description: 'The status resource identifier returned by Add Objects.' }) }),
} as const;

export interface RouteDoc {
  readonly summary: string;
  readonly description: string;
  /** Unique across the document: see operationId(). */
  readonly operationId: string;
}

/** Every TAXII answer, success or error, is application/taxii+json;version=2.1. */
export function doc(route: RouteDoc, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { tags: TAGS, summary: route.summary, description: route.description, operationId: route.operationId, produces: [TAXII_MEDIA_TYPE], ...extra };
}

/** The operationId of a route of API root `root`; suffixed with the root when several are served. */
export function operationId(ctx: TaxiiContext, name: string, root?: string): string {
  const several = (ctx.options.apiRoots?.length ?? 1) > 1;
  return root === undefined || !several ? name : `${name}_${root.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/** What each error status means on a TAXII route. */
const ERROR_MEANING: Readonly<Record<number, string>> = {
  400: 'A query parameter, the URL or the JSON of the body is invalid, or the body holds bytes that are not UTF-8 outside any one object (the body names which).',
  401: 'No credentials, or they are malformed, unknown, expired or revoked (WWW-Authenticate says how to authenticate).',
  403: 'The caller may see the collection but lacks the right this request needs, or its token does not match its client certificate.',
  404: 'No such resource, or one the caller may not see (answered exactly alike).',
  406: 'The Accept header admits no TAXII 2.1 media type.',
  413: 'The body is larger than the API root max_content_length.',
  415: 'The body is not application/taxii+json;version=2.1.',
  422: 'The JSON is not a TAXII envelope or STIX bundle.',
  429: 'The request budget is spent (Retry-After says when it resets).',
  500: 'The server failed; nothing acknowledged was lost.',
};

/** Errors any TAXII route can give: authentication, certificate binding, media type, rate limit, server failure. */
const COMMON_ERRORS = [401, 403, 406, 429, 500] as const;

/**
 * The `response` block of a TAXII route: the success status with its schema (null: an empty
 * body), the common errors and the route's own, each with the TAXII error body.
 */
export function responses(status: number, schema: TSchema | null, meaning: string, errors: readonly number[] = []): Record<number, unknown> {
  const success = schema === null ? { type: 'null', description: meaning } : { ...schema, 'x-response-description': meaning };
  const out: Record<number, unknown> = { [status]: PAGED.has(schema) ? { ...success, headers: DATE_ADDED_HEADERS } : success };
  for (const code of [...new Set([...errors, ...COMMON_ERRORS])].sort((a, b) => a - b)) {
    const headers = ERROR_HEADERS[code];
    out[code] = { ...ERROR_BODY_SCHEMA, 'x-response-description': ERROR_MEANING[code] ?? 'An error.', ...(headers === undefined ? {} : { headers }) };
  }
  return out;
}

/** Resources paged by date_added: their answers carry the first and last date_added of the page. */
const PAGED = new Set<TSchema | null>([ENVELOPE_SCHEMA, VERSIONS_SCHEMA, MANIFEST_SCHEMA]);

const DATE_ADDED_HEADERS = {
  'X-TAXII-Date-Added-First': Type.String({ description: 'The date_added of the first record of this page (absent when the page is empty).' }),
  'X-TAXII-Date-Added-Last': Type.String({ description: 'The date_added of the last record of this page; the next page starts after it.' }),
};

const ERROR_HEADERS: Readonly<Record<number, Record<string, TSchema>>> = {
  401: { 'WWW-Authenticate': Type.String({ description: 'The accepted schemes: Bearer, and Basic with the token as password.' }) },
  429: { 'Retry-After': Type.Integer({ description: 'Seconds until the request budget resets.' }) },
};
