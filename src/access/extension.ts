// The Setu recipients extension: who may read a TLP:RED object, carried inside the object as a
// standard STIX 2.1 property extension, so recipients travel with it to any STIX tool:
//   "extensions": { "<SETU_RECIPIENTS_EXTENSION_ID>": { "extension_type": "property-extension",
//                                                      "recipients": ["identity--...", ...] } }
// The extension-definition object is fixed (its id never changes) and is served by every node at
// GET /extensions/<id>.json and written into exports. readRecipients() checks a use of it. Pure.

export const SETU_RECIPIENTS_EXTENSION_ID = 'extension-definition--9d1e7f4a-2c3b-4e5d-8f60-71a2b3c4d5e6';

/** The identity of the Setu project, author of the extension definition. */
export const SETU_PROJECT_IDENTITY_ID = 'identity--0b4c9a2e-7d15-4f3a-9e6b-2c8d1f0a3b5e';

export const SETU_RECIPIENTS_EXTENSION: Readonly<Record<string, unknown>> = Object.freeze({
  type: 'extension-definition',
  spec_version: '2.1',
  id: SETU_RECIPIENTS_EXTENSION_ID,
  created_by_ref: SETU_PROJECT_IDENTITY_ID,
  created: '2026-11-01T00:00:00.000Z',
  modified: '2026-11-01T00:00:00.000Z',
  name: 'Setu recipients',
  description:
    'Names the identities (organisations) an object is shared with. On a TLP:RED object these are the only readers ' +
    '(the author alone when the extension is absent), and the only destinations it may be passed on to.',
  schema:
    'A property extension: an object with "extension_type": "property-extension" and "recipients", a non-empty list of ' +
    'unique identifiers of STIX identity objects (each "identity--<UUID>"). No other properties are defined.',
  version: '1.0.0',
  extension_types: Object.freeze(['property-extension']),
});

const IDENTITY_ID = /^identity--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export type RecipientsResult =
  | { readonly ok: true; readonly recipients: readonly string[] | null }
  | { readonly ok: false; readonly path: string; readonly reason: string };

/**
 * The recipients named by an object's Setu extension: null when the object does not use it, the
 * identity ids when it does, or the path and rule a malformed use breaks.
 */
export function readRecipients(object: Readonly<Record<string, unknown>>): RecipientsResult {
  const extensions = object['extensions'];
  if (typeof extensions !== 'object' || extensions === null || !Object.hasOwn(extensions, SETU_RECIPIENTS_EXTENSION_ID)) {
    return { ok: true, recipients: null };
  }
  const path = `extensions.${SETU_RECIPIENTS_EXTENSION_ID}`;
  const ext = (extensions as Record<string, unknown>)[SETU_RECIPIENTS_EXTENSION_ID];
  if (typeof ext !== 'object' || ext === null || Array.isArray(ext)) return bad(path, 'the Setu recipients extension must be an object');
  const body = ext as Record<string, unknown>;
  if (body['extension_type'] !== 'property-extension') {
    return bad(`${path}.extension_type`, 'the Setu recipients extension is a property-extension ("extension_type": "property-extension")');
  }
  for (const key of Object.keys(body)) {
    if (key !== 'extension_type' && key !== 'recipients') return bad(`${path}.${key}`, `the Setu recipients extension defines no property "${key}"`);
  }
  const list = body['recipients'];
  if (!Array.isArray(list) || list.length === 0) return bad(`${path}.recipients`, 'recipients must be a non-empty list of identity ids');
  const seen = new Set<string>();
  for (const [i, value] of list.entries()) {
    if (typeof value !== 'string' || !IDENTITY_ID.test(value)) return bad(`${path}.recipients[${i}]`, 'each recipient must be an identity id ("identity--<UUID>")');
    if (seen.has(value)) return bad(`${path}.recipients[${i}]`, `recipient ${value} is listed twice`);
    seen.add(value);
  }
  return { ok: true, recipients: [...seen] };
}

function bad(path: string, reason: string): RecipientsResult {
  return { ok: false, path, reason };
}
