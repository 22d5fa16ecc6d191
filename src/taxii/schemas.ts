// Route schemas for OpenAPI (@fastify/swagger): path parameters and query strings, with the TAXII
// 2.1 meaning of each filter. Values are checked by query-params.ts, which gives TAXII error
// bodies; these schemas only describe (a filter may repeat, so each accepts a string or a list).
// There are deliberately no response schemas: responses are JSON text assembled from stored
// objects and must never be re-serialised.

import { Type } from 'typebox';
import type { FilterParam } from './query-params.js';

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
}

export function doc(route: RouteDoc, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { tags: TAGS, summary: route.summary, description: route.description, ...extra };
}
