// Which properties of each SCO type carry exact values, and of what kind. Keyed by every SCO type
// the pattern engine knows, so a new type does not compile until it says which of its properties
// are values (an empty list says: none; network-traffic, process and the rest hold only
// references, numbers and free text). `ip` means the kind follows from the text (address or
// block, v4 or v6); `hashes` is a hashes dictionary whose keys name the algorithm.
import { SCO_PROPERTIES } from '../pattern/index.js';
import type { ValueKind } from './kinds.js';

export type ScoType = keyof typeof SCO_PROPERTIES;
export type PropertyKind = ValueKind | 'ip' | 'hashes';

export const SCO_VALUE_PROPERTIES: { readonly [T in ScoType]: Readonly<Record<string, PropertyKind>> } = {
  artifact: { url: 'url', hashes: 'hashes' },
  'autonomous-system': { number: 'asn' },
  directory: {},
  'domain-name': { value: 'domain' },
  'email-addr': { value: 'email' },
  'email-message': {},
  file: { name: 'file-name', hashes: 'hashes' },
  'ipv4-addr': { value: 'ip' },
  'ipv6-addr': { value: 'ip' },
  'mac-addr': { value: 'mac' },
  mutex: { name: 'mutex' },
  'network-traffic': {},
  process: {},
  software: {},
  url: { value: 'url' },
  'user-account': {},
  'windows-registry-key': { key: 'registry-key' },
  'x509-certificate': { hashes: 'hashes' },
};

export function isScoType(type: string): type is ScoType {
  return Object.hasOwn(SCO_VALUE_PROPERTIES, type);
}

/** The kind of a top-level property of an SCO type, if it carries exact values. */
export function propertyKind(type: string, property: string): PropertyKind | undefined {
  if (!isScoType(type)) return undefined;
  const table = SCO_VALUE_PROPERTIES[type];
  return Object.hasOwn(table, property) ? table[property] : undefined;
}

/**
 * Reference properties whose target is a file (or artifact) when a pattern steps through them
 * (`email-message:body_multipart[*].body_raw_ref.name`, `process:image_ref.name`): a `name` or
 * `hashes` behind them is a file's.
 */
export const FILE_REFS: ReadonlySet<string> = new Set(['body_raw_ref', 'content_ref', 'image_ref', 'raw_email_ref', 'payload_ref']);
