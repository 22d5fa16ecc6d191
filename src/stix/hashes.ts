// Hashes dictionaries (section 2.7): algorithm names (hash-algorithm-ov or custom names), value
// shape per algorithm, and the SHOULD-level name checks the reference validator runs on SCOs.
import type { ObjectScope } from './walker.js';
import { COMPILED_OPEN } from './vocab/index.js';
import { childPath } from './paths.js';

const HASH_KEY_RE = /^[a-zA-Z0-9_-]{3,250}$/;
const NAME_NOISE_RE = /[-_]/g;
/**
 * Section 2.7: "the value MUST be a string in the appropriate format defined by the hash type
 * indicated in the dictionary key". Keyed by the algorithm name upper-cased without '-' / '_', so
 * that 'sha256' or 'SHA_256' (custom spellings that still name SHA-256) are held to its format too;
 * SHA-224/384 and SHA3-224/384 are outside hash-algorithm-ov but their format is just as fixed.
 */
const VALUE_RE: Readonly<Record<string, { readonly re: RegExp; readonly expected: string }>> = {
  MD5: { re: /^[a-fA-F0-9]{32}$/, expected: '32 hex digits' },
  SHA1: { re: /^[a-fA-F0-9]{40}$/, expected: '40 hex digits' },
  SHA224: { re: /^[a-fA-F0-9]{56}$/, expected: '56 hex digits' },
  SHA256: { re: /^[a-fA-F0-9]{64}$/, expected: '64 hex digits' },
  SHA384: { re: /^[a-fA-F0-9]{96}$/, expected: '96 hex digits' },
  SHA512: { re: /^[a-fA-F0-9]{128}$/, expected: '128 hex digits' },
  SHA3224: { re: /^[a-fA-F0-9]{56}$/, expected: '56 hex digits' },
  SHA3256: { re: /^[a-fA-F0-9]{64}$/, expected: '64 hex digits' },
  SHA3384: { re: /^[a-fA-F0-9]{96}$/, expected: '96 hex digits' },
  SHA3512: { re: /^[a-fA-F0-9]{128}$/, expected: '128 hex digits' },
  SSDEEP: { re: /^[0-9]{1,20}:[a-zA-Z0-9/+]{1,128}:[a-zA-Z0-9/+]{1,128}(,.*)?$/, expected: 'blocksize:hash:hash' },
  TLSH: { re: /^(T1)?[a-fA-F0-9]{70}$/, expected: "70 hex digits, optionally after 'T1'" },
};

function valueFormat(key: string): { readonly re: RegExp; readonly expected: string } | undefined {
  const canonical = key.toUpperCase().replace(NAME_NOISE_RE, '');
  return Object.hasOwn(VALUE_RE, canonical) ? VALUE_RE[canonical] : undefined;
}
const ALGORITHMS = COMPILED_OPEN['hash-algorithm-ov'];

export function checkHashes(s: ObjectScope, hashes: Record<string, unknown>, path: string, name: string): void {
  const c = s.c;
  const keys = Object.keys(hashes);
  if (keys.length === 0) c.report('STIX_INVALID_HASH', s.objectId, path, `${name}: a hashes dictionary must not be empty`);
  for (const key of keys) {
    const p = childPath(path, key);
    const value = hashes[key];
    const known = ALGORITHMS.values.has(key);
    if (!known && !HASH_KEY_RE.test(key)) {
      c.report('STIX_INVALID_HASH', s.objectId, p, `${name}: '${key}' is not a valid hash algorithm name (hash-algorithm-ov or 3-250 of a-z, A-Z, 0-9, '_', '-')`);
    }
    if (value === null) {
      c.report('STIX_NULL_VALUE', s.objectId, p, `${name}.${key}: null is not allowed`);
    } else if (typeof value !== 'string') {
      c.report('STIX_WRONG_VALUE_TYPE', s.objectId, p, `${name}.${key}: hash values must be strings`);
    } else {
      const format = valueFormat(key);
      if (format !== undefined && !format.re.test(value)) c.report('STIX_INVALID_HASH', s.objectId, p, `${name}.${key}: '${value}' is not a valid ${key} hash (${format.expected})`);
    }
    if (s.isSco) {
      if (!known && !key.startsWith('x_')) {
        c.report('STIX_HASH_ALGO', s.objectId, p, `${name}: hash algorithm '${key}' is neither in the hash-algorithm-ov vocabulary nor a custom name starting with 'x_'`);
      }
      if (key.length > 30) c.report('STIX_HASH_KEY_LENGTH', s.objectId, p, `${name}: hash algorithm name '${key}' is longer than 30 characters`);
    }
  }
}
