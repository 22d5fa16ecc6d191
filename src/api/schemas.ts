// TypeBox schemas of the JSON management API: the records it answers with, and `apiDoc()`, which
// gives a route its OpenAPI description (operationId, summary, success schema, and each error
// status with the error body the API shares with TAXII). Request bodies declared here are
// validated by the API plugin before the handler runs (no type coercion: a wrong JSON type is a
// 400 naming the field); the handlers then apply the rules a schema cannot state.

import { Type, type TSchema } from 'typebox';
import { ERROR_BODY_SCHEMA } from '../taxii/index.js';
import { ROLES } from '../store/index.js';

/** An optional string field a client may also send as null (meaning: not given). */
export const optionalText = (description: string) => Type.Optional(Type.Union([Type.String(), Type.Null()], { description }));
/** An optional list of strings a client may also send as null (meaning: empty / unchanged). */
export const optionalList = (description: string) => Type.Optional(Type.Union([Type.Array(Type.String()), Type.Null()], { description }));
/** An optional boolean a client may also send as null (meaning: not given). */
export const optionalFlag = (description: string) => Type.Optional(Type.Union([Type.Boolean(), Type.Null()], { description }));

const nullableText = (description: string) => Type.Union([Type.String(), Type.Null()], { description });
const timestamp = (description: string) => Type.String({ description: `${description} (ISO 8601, UTC).` });

export const ROLE_SCHEMA = Type.Union(ROLES.map((r) => Type.Literal(r)), { description: 'The role of a token.' });

export const ORGANISATION_SCHEMA = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    country: nullableText('ISO 3166-1 alpha-2 country code.'),
    createdAt: timestamp('When the organisation was registered'),
    kind: Type.Optional(Type.String({ description: 'government, cert, cii-operator, ict-vendor or other (absent: other).' })),
    sectors: Type.Optional(Type.Array(Type.String(), { description: 'Sector codes.' })),
    clients: Type.Optional(Type.Array(Type.String(), { description: 'Organisation ids of its clients (TLP:AMBER may reach them).' })),
    attributionConsent: Type.Optional(Type.Boolean({ description: 'Whether created_by_ref may name it when its objects leave the node.' })),
    identityId: Type.String({ description: 'The deterministic STIX identity id of the organisation.' }),
  },
  { description: 'An organisation (a member of the node), with its STIX identity id.' },
);

export const COLLECTION_RECORD_SCHEMA = Type.Object(
  {
    id: Type.String(),
    title: Type.String(),
    description: nullableText('What the collection is for.'),
    alias: nullableText('A short name.'),
    readOrgs: Type.Array(Type.String(), { description: 'Organisations that may read.' }),
    writeOrgs: Type.Array(Type.String(), { description: 'Organisations that may write.' }),
    mediaTypes: Type.Array(Type.String()),
    createdAt: timestamp('When the collection was created'),
    readCommunities: Type.Optional(Type.Array(Type.String(), { description: 'Communities whose members may read.' })),
    writeCommunities: Type.Optional(Type.Array(Type.String(), { description: 'Communities whose members may write.' })),
    defaultTlp: Type.Optional(Type.String({ description: 'TLP given to objects that carry none (absent: green).' })),
    public: Type.Optional(Type.Boolean({ description: 'Anonymous readers may read its TLP:CLEAR objects (absent: false).' })),
  },
  { description: 'A collection and its audience.' },
);

export const COMMUNITY_SCHEMA = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    description: nullableText('What the community is.'),
    members: Type.Array(Type.String(), { description: 'Member organisation ids, in the order they joined.' }),
    createdAt: timestamp('When the community was created'),
  },
  { description: 'A sharing community: a named set of organisations.' },
);

export const TOKEN_SCHEMA = Type.Object(
  {
    id: Type.String(),
    orgId: Type.String(),
    role: ROLE_SCHEMA,
    label: nullableText('A note on what the token is for.'),
    createdAt: timestamp('When the token was issued'),
    expiresAt: Type.Union([timestamp('When the token expires'), Type.Null()]),
    revokedAt: Type.Union([timestamp('When the token was revoked'), Type.Null()]),
    createdByUser: Type.Optional(Type.String({ description: 'The person who minted it (revoked when they are disabled or reset).' })),
  },
  { description: 'An API token, never with its secret.' },
);

export const PRINCIPAL_SCHEMA = Type.Object(
  {
    tokenId: Type.String(),
    orgId: Type.String(),
    role: ROLE_SCHEMA,
    communities: Type.Optional(Type.Array(Type.String())),
  },
  { description: 'Who the caller is: its token, organisation and role.' },
);

/** A record whose fields are described in the named document rather than repeated here. */
export const documented = (description: string) => Type.Object({}, { additionalProperties: true, description });

/** What each error status means on an API route. */
const ERROR_MEANING: Readonly<Record<number, string>> = {
  400: 'The body or a parameter is malformed (the error names the field).',
  401: 'No credentials, or they are malformed, unknown, expired or revoked.',
  403: 'The token\'s role or organisation may not perform this operation.',
  404: 'No such record, or one this caller may not manage.',
  409: 'The record already exists, or the decision was already taken.',
  500: 'The server failed; nothing was half-applied.',
  502: 'An upstream service (the organisation\'s identity provider) could not be reached.',
};

const CHALLENGE = { 'WWW-Authenticate': Type.String({ description: 'The accepted schemes: Bearer, and Basic with the token as password.' }) };

export interface ApiRouteDoc {
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  /** The success status and its schema; null for an empty answer (204). */
  readonly success: { readonly status: number; readonly schema: TSchema | null; readonly meaning: string };
  /** Error statuses beyond 401 and 500, which every API route can give. */
  readonly errors?: readonly number[];
  readonly body?: TSchema;
  readonly querystring?: TSchema;
  readonly params?: TSchema;
}

/** The `schema` of an API route. */
export function apiDoc(route: ApiRouteDoc): Record<string, unknown> {
  const { status, schema, meaning } = route.success;
  const response: Record<number, unknown> = { [status]: schema === null ? { type: 'null', description: meaning } : { ...schema, 'x-response-description': meaning } };
  for (const code of [...new Set([...(route.errors ?? []), 401, 500])].sort((a, b) => a - b)) {
    response[code] = { ...ERROR_BODY_SCHEMA, 'x-response-description': ERROR_MEANING[code] ?? 'An error.', ...(code === 401 ? { headers: CHALLENGE } : {}) };
  }
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description === undefined ? {} : { description: route.description }),
    tags: route.tags,
    ...(route.params === undefined ? {} : { params: route.params }),
    ...(route.querystring === undefined ? {} : { querystring: route.querystring }),
    ...(route.body === undefined ? {} : { body: route.body }),
    response,
  };
}
