// The small schemes: dotted numbers (CRAN, Hackage), OpenSSL's letter releases, vers datetime
// (instants, whatever the offset) and vers lexicographic (code point order).
import { bad, compareDigits, compareText, defineScheme, ok } from './scheme.js';
import type { Order } from './scheme.js';

function compareNumberLists(a: readonly string[], b: readonly string[]): Order {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareDigits(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** R's compareVersion / package_version: numbers separated by '.' or '-'; more parts is newer. */
export const cranScheme = defineScheme<readonly string[]>({
  rule: 'R package_version (numbers split on . and -)',
  parse(text) {
    const version = text.trim();
    if (!/^[0-9]+(?:[.-][0-9]+)+$|^[0-9]+$/.test(version)) return bad('R versions are numbers separated by . or -');
    const parts = version.split(/[.-]/);
    return ok(parts, parts.map((p) => p.replace(/^0+(?=.)/, '')).join('.'));
  },
  compare: compareNumberLists,
});

/** Haskell's Data.Version: dotted numbers compared as lists. */
export const hackageScheme = defineScheme<readonly string[]>({
  rule: 'Data.Version (dotted numbers, list order)',
  parse(text) {
    const version = text.trim();
    if (!/^[0-9]+(?:\.[0-9]+)*$/.test(version)) return bad('Hackage versions are numbers separated by dots');
    const parts = version.split('.');
    return ok(parts, parts.map((p) => p.replace(/^0+(?=.)/, '')).join('.'));
  },
  compare: compareNumberLists,
});

interface OpensslVersion {
  readonly numbers: readonly string[];
  readonly letters: string;
  readonly pre: string | null;
}

/** OpenSSL: dotted numbers, then the patch letters of 0.9.x/1.x (a < ... < z < za ...), then -alpha/-beta pre-releases. */
export const opensslScheme = defineScheme<OpensslVersion>({
  rule: 'OpenSSL release order (numbers, patch letters, pre-releases first)',
  parse(text) {
    const m = /^([0-9]+(?:\.[0-9]+)*)([a-z]*)(?:-([0-9a-z.-]+))?$/i.exec(text.trim());
    if (!m) return bad('N.N.N followed by patch letters (1.0.2k) or -pre (3.0.0-alpha1)');
    return ok({ numbers: m[1]!.split('.'), letters: m[2]!.toLowerCase(), pre: m[3]?.toLowerCase() ?? null }, text.trim().toLowerCase());
  },
  compare(a, b) {
    const numbers = compareNumberLists(a.numbers, b.numbers);
    if (numbers !== 0) return numbers;
    const letters = a.letters.length !== b.letters.length ? (a.letters.length < b.letters.length ? -1 : 1) : compareText(a.letters, b.letters);
    if (letters !== 0) return letters;
    if (a.pre === null || b.pre === null) return a.pre === b.pre ? 0 : a.pre === null ? 1 : -1;
    return compareText(a.pre, b.pre);
  },
});

const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

interface Instant {
  readonly ms: number;
  readonly fraction: string;
}

/** vers datetime: RFC 3339 timestamps (uppercase T and Z) ordered as instants. */
export const datetimeScheme = defineScheme<Instant>({
  rule: 'RFC 3339 instants (offsets applied)',
  parse(text) {
    const m = DATETIME.exec(text);
    if (!m) return bad('RFC 3339 date-time with uppercase T and Z, e.g. 2024-01-01T00:00:00Z');
    const ms = Date.parse(text.replace(/\.\d+/, ''));
    if (Number.isNaN(ms)) return bad('a real calendar date and time');
    const fraction = (m[7] ?? '.').slice(1).replace(/0+$/, '');
    return ok({ ms, fraction }, `${new Date(ms).toISOString().replace(/\.000Z$/, '')}${fraction === '' ? '' : `.${fraction}`}Z`);
  },
  compare(a, b) {
    if (a.ms !== b.ms) return a.ms < b.ms ? -1 : 1;
    return compareText(a.fraction.padEnd(9, '0'), b.fraction.padEnd(9, '0'));
  },
});

function compareCodePoints(a: string, b: string): Order {
  const x = [...a];
  const y = [...b];
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
}

/** vers lexicographic: strings ordered by Unicode code point. */
export const lexicographicScheme = defineScheme<string>({
  rule: 'Unicode code point order',
  parse(text) {
    if (text === '') return bad('a lexicographic version is not empty');
    return ok(text, text);
  },
  compare: compareCodePoints,
});
