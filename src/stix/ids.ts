// STIX identifiers (section 2.9): '<object-type>--<RFC 4122 UUID>', type-name rules (section 3.1 / 11),
// UUID version extraction, and UUIDv5 generation for deterministic SCO ids.
import { createHash } from 'node:crypto';

/** Object type names: a-z, 0-9 and '-', 3..250 characters, no '--' (checked separately). */
const TYPE_NAME_RE = /^[a-z0-9-]{3,250}$/;
/** UUID shape with the RFC 4122 variant bits (10xx); the version nibble is checked apart. */
const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;
/** RFC 4122 defines versions 1 to 5 only (section 4.1.3); anything else is not an RFC 4122 UUID. */
const RFC4122_VERSION_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5]/;

/** The STIX 2.1 UUIDv5 namespace for SCO ids (section 2.9). */
export const STIX_SCO_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';

export function isValidTypeName(type: string): boolean {
  return TYPE_NAME_RE.test(type) && !type.includes('--');
}

export interface ParsedId {
  readonly type: string;
  readonly uuid: string;
}

/** Split an identifier; null when it is not '<valid type>--<RFC 4122 UUID>'. */
export function parseId(id: string): ParsedId | null {
  const sep = id.indexOf('--');
  if (sep <= 0) return null;
  const type = id.slice(0, sep);
  const uuid = id.slice(sep + 2);
  if (!isValidTypeName(type) || !UUID_RE.test(uuid) || !RFC4122_VERSION_RE.test(uuid)) return null;
  return { type, uuid };
}

/** Why a string is not an identifier, as a phrase for a finding; null when it is one. */
export function idProblem(id: string): string | null {
  const sep = id.indexOf('--');
  if (sep <= 0) return 'does not match the id format ([object-type]--[UUID])';
  if (!isValidTypeName(id.slice(0, sep))) return `does not match the id format ([object-type]--[UUID]): '${id.slice(0, sep)}' is not a valid type name`;
  const uuid = id.slice(sep + 2);
  if (!UUID_RE.test(uuid)) {
    return /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(uuid)
      ? 'is not an RFC 4122 UUID: its variant bits are not 10 (the first digit of the fourth group must be 8, 9, a or b)'
      : 'does not match the id format ([object-type]--[UUID])';
  }
  if (!RFC4122_VERSION_RE.test(uuid)) return `is not an RFC 4122 UUID: version ${uuid.charAt(14)} is not one RFC 4122 defines (1 to 5)`;
  return null;
}

export function isStixId(id: string): boolean {
  return parseId(id) !== null;
}

/** The type part of an identifier-shaped string, or null. */
export function idType(id: string): string | null {
  const sep = id.indexOf('--');
  return sep > 0 ? id.slice(0, sep) : null;
}

/** RFC 4122 version nibble (1..8) of a parsed UUID. */
export function uuidVersion(uuid: string): number {
  return Number.parseInt(uuid.charAt(14), 16);
}

function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

/** RFC 4122 section 4.3 name-based UUID (SHA-1, version 5). */
export function uuidV5(namespace: string, name: string): string {
  const hash = createHash('sha1').update(uuidBytes(namespace)).update(name, 'utf8').digest();
  const b = hash.subarray(0, 16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x50;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
