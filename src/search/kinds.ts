// The kinds of exact-value index terms, as const data: every term a store indexes and every key a
// search probes is one of these. Hash terms carry their algorithm in the kind (`hash:SHA-256`),
// with the algorithm names canonical per the STIX 2.1 hash-algorithm-ov vocabulary (plus the
// SHA-2/SHA-3 widths and the other fixed-format names outside it).
export const HASH_ALGORITHMS = [
  'MD5', 'SHA-1', 'SHA-224', 'SHA-256', 'SHA-384', 'SHA-512',
  'SHA3-224', 'SHA3-256', 'SHA3-384', 'SHA3-512', 'SSDEEP', 'TLSH',
] as const;
export type HashAlgorithm = (typeof HASH_ALGORITHMS)[number];

export const VALUE_KINDS = [
  'ipv4', 'ipv6', 'cidr4', 'cidr6', 'domain', 'url', 'email', 'file-name', 'cve', 'capec', 'attack-id',
  'mac', 'asn', 'mutex', 'registry-key',
] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

export type HashKind = `hash:${HashAlgorithm}`;
export const HASH_KINDS = HASH_ALGORITHMS.map((a) => `hash:${a}` as const) as readonly HashKind[];

export type TermKind = ValueKind | HashKind;
export const TERM_KINDS: readonly TermKind[] = [...VALUE_KINDS, ...HASH_KINDS];

export function isTermKind(text: string): text is TermKind {
  return (TERM_KINDS as readonly string[]).includes(text);
}

export function isValueKind(kind: string): kind is ValueKind {
  return (VALUE_KINDS as readonly string[]).includes(kind);
}

export function hashKind(algorithm: HashAlgorithm): HashKind {
  return `hash:${algorithm}`;
}

const NOISE = /[-_\s]/g;
/** Algorithm names with case, '-' and '_' removed, so 'sha256', 'SHA_256' and 'SHA-256' agree. */
const CANONICAL_HASH: Readonly<Record<string, HashAlgorithm>> = Object.fromEntries(
  HASH_ALGORITHMS.map((a) => [a.replace(NOISE, ''), a]),
);

/** The canonical algorithm name for a hashes-dictionary key, or undefined for a custom algorithm. */
export function canonicalHashAlgorithm(key: string): HashAlgorithm | undefined {
  const squeezed = key.toUpperCase().replace(NOISE, '');
  return Object.hasOwn(CANONICAL_HASH, squeezed) ? CANONICAL_HASH[squeezed] : undefined;
}
