// Deterministic SCO identifiers (section 2.9): UUIDv5 in the STIX namespace over the RFC 8785
// canonical JSON of the object's id-contributing properties.
import canonicalizeModule from 'canonicalize';
import { SetuError } from '../errors/index.js';
import { specFor } from './registry.js';
import { uuidV5, STIX_SCO_NAMESPACE } from './ids.js';
import { isPlainObject } from './paths.js';

// canonicalize is CommonJS (module.exports = fn) but its typings declare a default export; under
// NodeNext the default import is module.exports at runtime, so narrow the type accordingly.
const canonicalize = canonicalizeModule as unknown as (input: unknown) => string | undefined;

/** When several hashes are present only one contributes, chosen in this order, else the first key. */
const HASH_PREFERENCE = ['MD5', 'SHA-1', 'SHA-256', 'SHA-512'] as const;

function chooseOneHash(hashes: Record<string, unknown>): Record<string, unknown> {
  for (const algo of HASH_PREFERENCE) if (Object.hasOwn(hashes, algo)) return { [algo]: hashes[algo] };
  const first = Object.keys(hashes)[0];
  return first === undefined ? {} : { [first]: hashes[first] };
}

/** The deterministic id of an SCO; undefined if it is not an SCO type or no contributing property is present. */
export function deterministicScoId(sco: Readonly<Record<string, unknown>>): string | undefined {
  const type = sco['type'];
  if (typeof type !== 'string') return undefined;
  const spec = specFor(type);
  if (spec === undefined || spec.category !== 'sco' || spec.idContributing === undefined) return undefined;
  const contributing: Record<string, unknown> = {};
  let any = false;
  for (const key of spec.idContributing) {
    if (!Object.hasOwn(sco, key) || sco[key] === undefined) continue;
    const value = sco[key];
    contributing[key] = key === 'hashes' && isPlainObject(value) ? chooseOneHash(value) : value;
    any = true;
  }
  if (!any) return undefined;
  const name = canonicalize(contributing);
  if (name === undefined) return undefined;
  return `${type}--${uuidV5(STIX_SCO_NAMESPACE, name)}`;
}

/**
 * A copy of the SCO with `id` added when it is missing (an existing id is kept as it is). Throws
 * SETU_ERR_STIX_NOT_SCO for non-SCO types and SETU_ERR_STIX_NO_ID_CONTRIBUTORS when no contributing
 * property is present (such objects need a UUIDv4 from the caller's id source).
 */
export function withDeterministicId<T extends Record<string, unknown>>(sco: T): T & { id: string } {
  const existing = sco['id'];
  if (typeof existing === 'string') return { ...sco, id: existing };
  const type = sco['type'];
  const spec = typeof type === 'string' ? specFor(type) : undefined;
  if (spec === undefined || spec.category !== 'sco') {
    throw new SetuError('SETU_ERR_STIX_NOT_SCO', `not a cyber-observable object type: ${String(type)}`, { type });
  }
  const id = deterministicScoId(sco);
  if (id === undefined) {
    throw new SetuError('SETU_ERR_STIX_NO_ID_CONTRIBUTORS', `${String(type)} has no id-contributing properties; a UUIDv4 id is required`, { type });
  }
  return { ...sco, id };
}
