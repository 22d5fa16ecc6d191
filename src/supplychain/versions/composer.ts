// Composer/Packagist versions ordered as PHP's version_compare(): '-', '_' and '+' become '.',
// a '.' is put between digit and non-digit runs, then parts compare pairwise: numbers as
// integers; words by their special form dev < alpha = a < beta = b < RC = rc < (number) < pl = p,
// any other word below them all; a longer version wins on a number and loses on a pre-release word.
import { bad, compareDigits, defineScheme, isDigit, ok, sign } from './scheme.js';
import type { Order } from './scheme.js';

const SPECIAL_FORMS: readonly (readonly [string, number])[] = [
  ['dev', 0],
  ['alpha', 1],
  ['a', 1],
  ['beta', 2],
  ['b', 2],
  ['RC', 3],
  ['rc', 3],
  ['#', 4],
  ['pl', 5],
  ['p', 5],
];

const NUMBER_FORM = '#N#';

function specialForm(part: string): number {
  for (const [name, order] of SPECIAL_FORMS) if (part.startsWith(name)) return order;
  return -1;
}

const isAlnum = (c: string): boolean => /[0-9A-Za-z]/.test(c);
const notDigit = (c: string): boolean => !isDigit(c) && c !== '.';

export function canonicalizePhp(version: string): string {
  if (version === '') return '';
  let out = version[0]!;
  let lp = version[0]!;
  for (let i = 1; i < version.length; i++) {
    const c = version[i]!;
    const lq = out[out.length - 1];
    if (c === '-' || c === '_' || c === '+') {
      if (lq !== '.') out += '.';
    } else if ((notDigit(lp) && isDigit(c)) || (isDigit(lp) && notDigit(c))) {
      if (lq !== '.') out += '.';
      out += c;
    } else if (!isAlnum(c)) {
      if (lq !== '.') out += '.';
    } else out += c;
    lp = c;
  }
  return out;
}

function compareParts(p1: string, p2: string): Order {
  if (isDigit(p1[0]) && isDigit(p2[0])) return compareDigits(p1.match(/^[0-9]+/)![0], p2.match(/^[0-9]+/)![0]);
  if (!isDigit(p1[0]) && !isDigit(p2[0])) return sign(specialForm(p1) - specialForm(p2));
  return isDigit(p1[0]) ? sign(specialForm(NUMBER_FORM) - specialForm(p2)) : sign(specialForm(p1) - specialForm(NUMBER_FORM));
}

export function phpVersionCompare(v1: string, v2: string): Order {
  if (v1 === '' || v2 === '') return v1 === v2 ? 0 : v1 === '' ? -1 : 1;
  const a = canonicalizePhp(v1).split('.');
  const b = canonicalizePhp(v2).split('.');
  let i = 0;
  while (i < a.length && i < b.length && a[i] !== '' && b[i] !== '') {
    const c = compareParts(a[i]!, b[i]!);
    if (c !== 0) return c;
    i++;
  }
  if (i < a.length && a[i] !== '') return isDigit(a[i]![0]) ? 1 : phpVersionCompare(a.slice(i).join('.'), NUMBER_FORM);
  if (i < b.length && b[i] !== '') return isDigit(b[i]![0]) ? -1 : phpVersionCompare(NUMBER_FORM, b.slice(i).join('.'));
  return 0;
}

export const composerScheme = defineScheme<string>({
  rule: 'PHP version_compare',
  parse(text) {
    const version = text.trim().replace(/^v(?=[0-9])/i, '');
    if (version === '') return bad('a Composer version is not empty');
    return ok(version, canonicalizePhp(version));
  },
  compare: phpVersionCompare,
});
