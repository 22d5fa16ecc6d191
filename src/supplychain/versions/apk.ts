// Alpine apk versions ordered as apk-tools 2 does (version.c): a token stream of digits, one
// letter, _suffixes (alpha < beta < pre < rc < release < cvs < svn < git < hg < p) with numbers,
// and -rN revisions; at the first difference the token values decide, then the token kinds.
import { bad, defineScheme, isDigit, ok } from './scheme.js';
import type { Order } from './scheme.js';

const INVALID = -1;
const DIGIT_OR_ZERO = 0;
const DIGIT = 1;
const LETTER = 2;
const SUFFIX = 3;
const SUFFIX_NO = 4;
const REVISION_NO = 5;
const END = 6;

const PRE_SUFFIXES = ['alpha', 'beta', 'pre', 'rc'] as const;
const POST_SUFFIXES = ['cvs', 'svn', 'git', 'hg', 'p'] as const;

const isLower = (c: string | undefined): boolean => c !== undefined && c >= 'a' && c <= 'z';

/** A cursor over one version string: the kind of the next token and the position. */
interface Cursor {
  type: number;
  pos: number;
  readonly text: string;
}

function nextToken(c: Cursor): void {
  let n = INVALID;
  const ch = c.text[c.pos];
  if (c.pos >= c.text.length) n = END;
  else if ((c.type === DIGIT || c.type === DIGIT_OR_ZERO) && isLower(ch)) n = LETTER;
  else if (c.type === LETTER && isDigit(ch)) n = DIGIT;
  else if (c.type === SUFFIX && isDigit(ch)) n = SUFFIX_NO;
  else {
    if (ch === '.') n = DIGIT_OR_ZERO;
    else if (ch === '_') n = SUFFIX;
    else if (ch === '-') {
      if (c.text[c.pos + 1] === 'r') {
        n = REVISION_NO;
        c.pos++;
      } else n = INVALID;
    }
    c.pos++;
  }
  if (n < c.type) {
    if (!((n === DIGIT_OR_ZERO && c.type === DIGIT) || (n === SUFFIX && c.type === SUFFIX_NO) || (n === DIGIT && c.type === LETTER))) n = INVALID;
  }
  c.type = n;
}

function getToken(c: Cursor): number {
  if (c.pos >= c.text.length) {
    c.type = END;
    return 0;
  }
  let v = 0;
  let i = c.pos;
  let nt = INVALID;
  const t = c.text;
  switch (c.type) {
    case DIGIT_OR_ZERO:
      if (t[i] === '0') {
        while (i < t.length && t[i] === '0') i++;
        nt = DIGIT;
        v = -(i - c.pos);
        break;
      }
      while (i < t.length && isDigit(t[i])) v = v * 10 + (t.charCodeAt(i++) - 48);
      break;
    case DIGIT:
    case SUFFIX_NO:
    case REVISION_NO:
      while (i < t.length && isDigit(t[i])) v = v * 10 + (t.charCodeAt(i++) - 48);
      break;
    case LETTER:
      v = t.charCodeAt(i++);
      break;
    case SUFFIX: {
      const rest = t.slice(i);
      const pre = PRE_SUFFIXES.findIndex((s) => rest.startsWith(s));
      if (pre >= 0) {
        v = pre - PRE_SUFFIXES.length;
        i += PRE_SUFFIXES[pre]!.length;
        break;
      }
      const post = POST_SUFFIXES.findIndex((s) => rest.startsWith(s));
      if (post >= 0) {
        v = post;
        i += POST_SUFFIXES[post]!.length;
        break;
      }
      c.type = INVALID;
      return -1;
    }
    default:
      c.type = INVALID;
      return -1;
  }
  c.pos = i;
  if (c.pos >= t.length) c.type = END;
  else if (nt !== INVALID) c.type = nt;
  else nextToken(c);
  return v;
}

export function apkCompare(a: string, b: string): Order {
  const ca: Cursor = { type: DIGIT, pos: 0, text: a };
  const cb: Cursor = { type: DIGIT, pos: 0, text: b };
  let av = 0;
  let bv = 0;
  while (ca.type === cb.type && ca.type !== END && ca.type !== INVALID && av === bv) {
    av = getToken(ca);
    bv = getToken(cb);
  }
  if (av < bv) return -1;
  if (av > bv) return 1;
  if (ca.type === cb.type) return 0;
  if (ca.type === SUFFIX && getToken({ ...ca }) < 0) return -1;
  if (cb.type === SUFFIX && getToken({ ...cb }) < 0) return 1;
  if (ca.type > cb.type) return -1;
  if (cb.type > ca.type) return 1;
  return 0;
}

/** Whether apk-tools would accept the string as a version (its apk_version_validate). */
function validApk(text: string): boolean {
  const c: Cursor = { type: DIGIT, pos: 0, text };
  while (c.type !== END) {
    if (c.type === INVALID) return false;
    getToken(c);
  }
  return true;
}

export const apkScheme = defineScheme<string>({
  rule: 'apk-tools version.c token comparison',
  parse(text) {
    const version = text.trim();
    if (version === '') return bad('an apk version is not empty');
    if (!validApk(version)) return bad('digits, one letter, _suffix[N] (alpha beta pre rc cvs svn git hg p) and -rN, in that order');
    return ok(version, version);
  },
  compare: apkCompare,
});
