// TypeBox schemas of the TAXII 2.1 resources this server answers with (section 4 of the
// specification), and of the error message every failure carries. They describe the answers in
// /openapi.json; the bodies themselves are JSON text assembled by envelope.ts and never
// re-serialised through them. The JSON management API answers failures with the same error body.

import { Type } from 'typebox';

const timestamp = (description: string) => Type.String({ description: `${description} (RFC 3339, UTC, microsecond precision).` });

export const ERROR_BODY_SCHEMA = Type.Object(
  {
    title: Type.String({ description: 'A short, human-readable summary of the error.' }),
    description: Type.Optional(Type.String({ description: 'What went wrong: which object, field or parameter, and which rule.' })),
    error_id: Type.Optional(Type.String({ description: 'The request identifier, to find this failure in the server log.' })),
    error_code: Type.Optional(Type.String({ description: 'The stable Setu error code (SETU_ERR_<AREA>_<WHAT>, see docs/errors.md).' })),
    http_status: Type.Optional(Type.String({ description: 'The HTTP status code, as a string.' })),
    external_details: Type.Optional(Type.String({ description: 'A URL with more about the error.' })),
    details: Type.Optional(Type.Object({}, { additionalProperties: true, description: 'Facts about the failure safe to show a client (e.g. parameter, retryAfterSeconds).' })),
  },
  { description: 'The TAXII 2.1 error message resource.' },
);

export const DISCOVERY_SCHEMA = Type.Object(
  {
    title: Type.String(),
    description: Type.Optional(Type.String()),
    contact: Type.Optional(Type.String()),
    default: Type.Optional(Type.String({ description: 'The URL of the default API root.' })),
    api_roots: Type.Optional(Type.Array(Type.String(), { description: 'The URLs of the API roots.' })),
  },
  { description: 'The TAXII 2.1 discovery resource.' },
);

export const API_ROOT_SCHEMA = Type.Object(
  {
    title: Type.String(),
    description: Type.Optional(Type.String()),
    versions: Type.Array(Type.String(), { description: 'The TAXII media types this API root supports.' }),
    max_content_length: Type.Integer({ description: 'The largest request body accepted, in bytes.' }),
  },
  { description: 'The TAXII 2.1 API root resource.' },
);

export const COLLECTION_SCHEMA = Type.Object(
  {
    id: Type.String(),
    title: Type.String(),
    description: Type.Optional(Type.String()),
    alias: Type.Optional(Type.String()),
    can_read: Type.Boolean({ description: 'Whether the caller may read objects from the collection.' }),
    can_write: Type.Boolean({ description: 'Whether the caller may add objects to the collection.' }),
    media_types: Type.Optional(Type.Array(Type.String())),
  },
  { description: 'The TAXII 2.1 collection resource, with the caller\'s rights.' },
);

export const COLLECTIONS_SCHEMA = Type.Object(
  { collections: Type.Optional(Type.Array(COLLECTION_SCHEMA)) },
  { description: 'The TAXII 2.1 collections resource (an empty object when the caller sees none).' },
);

const STIX_OBJECT = Type.Object(
  {
    type: Type.String(),
    id: Type.Optional(Type.String({ description: 'Optional for an SCO posted without one: the deterministic id is computed.' })),
    spec_version: Type.Optional(Type.String()),
  },
  { additionalProperties: true, description: 'A STIX 2.1 object.' },
);

const paging = {
  more: Type.Optional(Type.Boolean({ description: 'Whether another page follows.' })),
  next: Type.Optional(Type.String({ description: 'The value to pass as `next` for the following page.' })),
};

export const ENVELOPE_SCHEMA = Type.Object(
  { ...paging, objects: Type.Optional(Type.Array(STIX_OBJECT)) },
  { additionalProperties: true, description: 'The TAXII 2.1 envelope (a STIX bundle is accepted too).' },
);

export const VERSIONS_SCHEMA = Type.Object(
  { ...paging, versions: Type.Optional(Type.Array(Type.String({ description: 'A version (modified, or created) of the object.' }))) },
  { description: 'The TAXII 2.1 versions resource.' },
);

export const MANIFEST_SCHEMA = Type.Object(
  {
    ...paging,
    objects: Type.Optional(
      Type.Array(
        Type.Object({
          id: Type.String(),
          date_added: timestamp('When this version was added to the collection'),
          version: Type.String(),
          media_type: Type.Optional(Type.String()),
        }),
      ),
    ),
  },
  { description: 'The TAXII 2.1 manifest resource.' },
);

const STATUS_DETAILS = Type.Array(
  Type.Object({ id: Type.String(), version: Type.String(), message: Type.Optional(Type.String({ description: 'Why the object was refused: its index, JSON path, rule and code.' })) }),
);

export const STATUS_SCHEMA = Type.Object(
  {
    id: Type.String(),
    status: Type.Union([Type.Literal('complete'), Type.Literal('pending')]),
    request_timestamp: Type.Optional(timestamp('When the Add Objects request was received')),
    total_count: Type.Integer(),
    success_count: Type.Integer(),
    successes: Type.Optional(STATUS_DETAILS),
    failure_count: Type.Integer(),
    failures: Type.Optional(STATUS_DETAILS),
    pending_count: Type.Integer(),
    pendings: Type.Optional(STATUS_DETAILS),
  },
  { description: 'The TAXII 2.1 status resource of an Add Objects request.' },
);
