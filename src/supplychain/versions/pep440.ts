// Python package versions ordered by PEP 440 (epoch, release, pre, post, dev, local) with
// @renovatebot/pep440, which follows the packaging library's Version. A string that is not a
// PEP 440 version is read as packaging's LegacyVersion (before 22.0), as OSV still orders PyPI
// data: it sorts before every PEP 440 version, and legacy versions compare by their part keys.
import { clean, compare } from '@renovatebot/pep440';
import { bad, compareText, defineScheme, ok, sign } from './scheme.js';
import type { Order } from './scheme.js';

type PyVersion = { readonly kind: 'pep440'; readonly text: string } | { readonly kind: 'legacy'; readonly parts: readonly string[] };

const LEGACY_REPLACEMENTS: Readonly<Record<string, string>> = { pre: 'c', preview: 'c', '-': 'final-', rc: 'c', dev: '@' };

/** packaging.version._legacy_cmpkey: digit runs zero-padded to 8, words prefixed with '*'. */
export function legacyKey(version: string): string[] {
  const parts: string[] = [];
  const pieces = version.toLowerCase().split(/(\d+|[a-z]+|\.|-)/);
  const mapped = pieces.map((p) => LEGACY_REPLACEMENTS[p] ?? p).filter((p) => p !== '' && p !== '.');
  for (const raw of [...mapped.map((p) => (/^[0-9]/.test(p) ? p.padStart(8, '0') : `*${p}`)), '*final']) {
    if (raw.startsWith('*')) {
      if (raw < '*final') while (parts.length > 0 && parts[parts.length - 1] === '*final-') parts.pop();
      while (parts.length > 0 && parts[parts.length - 1] === '00000000') parts.pop();
    }
    parts.push(raw);
  }
  return parts;
}

function compareLegacy(a: readonly string[], b: readonly string[]): Order {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareText(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

export const pep440Scheme = defineScheme<PyVersion>({
  rule: 'PEP 440 version ordering (@renovatebot/pep440); non-PEP 440 strings as packaging LegacyVersion',
  parse(text) {
    const version = text.trim();
    if (version === '') return bad('a Python version is not empty');
    const normalised = clean(version);
    if (normalised !== null) return ok({ kind: 'pep440', text: version }, normalised);
    return ok({ kind: 'legacy', parts: legacyKey(version) }, `legacy:${version.toLowerCase()}`);
  },
  compare(a, b) {
    if (a.kind === 'pep440' && b.kind === 'pep440') return sign(compare(a.text, b.text));
    if (a.kind === 'legacy' && b.kind === 'legacy') return compareLegacy(a.parts, b.parts);
    return a.kind === 'legacy' ? -1 : 1;
  },
});
