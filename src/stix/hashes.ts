// Hashes dictionaries (section 2.7): algorithm names (hash-algorithm-ov or custom names), value
// shape per algorithm, and the SHOULD-level name checks the reference validator runs on SCOs.
import type { ObjectScope } from './walker.js';
import { COMPILED_OPEN } from './vocab/index.js';
import { childPath } from './paths.js';

const HASH_KEY_RE = /^[a-zA-Z0-9_-]{3,250}$/;
const VALUE_RE: Readonly<Record<string, RegExp>> = {
  MD5: /^[a-fA-F0-9]{32}$/,
  'SHA-1': /^[a-fA-F0-9]{40}$/,
  'SHA-256': /^[a-fA-F0-9]{64}$/,
  'SHA-512': /^[a-fA-F0-9]{128}$/,
  'SHA3-256': /^[a-fA-F0-9]{64}$/,
  'SHA3-512': /^[a-fA-F0-9]{128}$/,
  SSDEEP: /^[0-9]{1,20}:[a-zA-Z0-9/+]{1,128}:[a-zA-Z0-9/+]{1,128}(,.*)?$/,
  TLSH: /^(T1)?[a-fA-F0-9]{70}$/,
};
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
    if (typeof value !== 'string') {
      c.report('STIX_WRONG_VALUE_TYPE', s.objectId, p, `${name}.${key}: hash values must be strings`);
    } else {
      const re = VALUE_RE[key];
      if (re !== undefined && !re.test(value)) c.report('STIX_INVALID_HASH', s.objectId, p, `${name}.${key}: '${value}' is not a valid ${key} hash`);
    }
    if (s.isSco) {
      if (!known && !key.startsWith('x_')) {
        c.report('STIX_HASH_ALGO', s.objectId, p, `${name}: hash algorithm '${key}' is neither in the hash-algorithm-ov vocabulary nor a custom name starting with 'x_'`);
      }
      if (key.length > 30) c.report('STIX_HASH_KEY_LENGTH', s.objectId, p, `${name}: hash algorithm name '${key}' is longer than 30 characters`);
    }
  }
}
