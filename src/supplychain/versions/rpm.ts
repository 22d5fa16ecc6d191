// RPM versions ([epoch:]version[-release]) ordered by rpmvercmp (rpm 4.15+: '~' sorts before
// everything, '^' after the base but before any further segment), epoch as an integer first.
import { bad, compareDigits, compareText, defineScheme, isAlpha, isDigit, ok } from './scheme.js';
import type { Order } from './scheme.js';

interface Evr {
  readonly epoch: string;
  readonly version: string;
  readonly release: string | null;
}

const isAlnum = (c: string | undefined): boolean => isDigit(c) || isAlpha(c);

/**
 * One alphanumeric segment of each side, as rpmvercmp and pacman's vercmp both take them: a run of
 * digits (compared as numbers) or of letters (compared as text), typed by `a`'s first character; a
 * numeric segment is newer than an alphabetic one. Returns the order and where each side's next
 * segment starts.
 */
function compareSegment(a: string, i: number, b: string, j: number): { order: Order; i: number; j: number } {
  const si = i;
  const sj = j;
  const numeric = isDigit(a[i]);
  const inSegment = numeric ? isDigit : isAlpha;
  while (i < a.length && inSegment(a[i])) i++;
  while (j < b.length && inSegment(b[j])) j++;
  if (j === sj) return { order: numeric ? 1 : -1, i, j };
  const x = a.slice(si, i);
  const y = b.slice(sj, j);
  return { order: numeric ? compareDigits(x, y) : compareText(x, y), i, j };
}

export function rpmvercmp(a: string, b: string): Order {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while (i < a.length && !isAlnum(a[i]) && a[i] !== '~' && a[i] !== '^') i++;
    while (j < b.length && !isAlnum(b[j]) && b[j] !== '~' && b[j] !== '^') j++;
    if (a[i] === '~' || b[j] === '~') {
      if (a[i] !== '~') return 1;
      if (b[j] !== '~') return -1;
      i++;
      j++;
      continue;
    }
    if (a[i] === '^' || b[j] === '^') {
      if (i >= a.length) return -1;
      if (j >= b.length) return 1;
      if (a[i] !== '^') return 1;
      if (b[j] !== '^') return -1;
      i++;
      j++;
      continue;
    }
    if (!(i < a.length && j < b.length)) break;
    const step = compareSegment(a, i, b, j);
    if (step.order !== 0) return step.order;
    i = step.i;
    j = step.j;
  }
  if (i >= a.length && j >= b.length) return 0;
  return i < a.length ? 1 : -1;
}

function splitEvr(text: string): Evr {
  const colon = text.indexOf(':');
  const hasEpoch = colon >= 0 && /^[0-9]+$/.test(text.slice(0, colon));
  const epoch = hasEpoch ? text.slice(0, colon) : '0';
  const rest = hasEpoch ? text.slice(colon + 1) : text;
  const dash = rest.lastIndexOf('-');
  return dash >= 0 ? { epoch, version: rest.slice(0, dash), release: rest.slice(dash + 1) } : { epoch, version: rest, release: null };
}

function showEvr(v: Evr): string {
  return `${v.epoch}:${v.version}${v.release === null ? '' : `-${v.release}`}`;
}

export const rpmScheme = defineScheme<Evr>({
  rule: 'rpmvercmp on epoch:version-release',
  parse(text) {
    const version = text.trim();
    if (version === '') return bad('an RPM version is not empty');
    const evr = splitEvr(version);
    return ok(evr, showEvr(evr));
  },
  compare(a, b) {
    const byVersion = compareDigits(a.epoch, b.epoch) || rpmvercmp(a.version, b.version);
    if (byVersion !== 0) return byVersion;
    // Without a release a version sorts before the same version with one, even an empty one.
    if (a.release === null || b.release === null) return a.release === b.release ? 0 : a.release === null ? -1 : 1;
    return rpmvercmp(a.release, b.release);
  },
});

/** pacman's vercmp: rpmvercmp without '~'/'^', more separators is newer, and a trailing letter run loses. */
export function alpmvercmp(a: string, b: string): Order {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const pi = i;
    const pj = j;
    while (i < a.length && !isAlnum(a[i])) i++;
    while (j < b.length && !isAlnum(b[j])) j++;
    if (i >= a.length || j >= b.length) break;
    if (i - pi !== j - pj) return i - pi < j - pj ? -1 : 1;
    const step = compareSegment(a, i, b, j);
    if (step.order !== 0) return step.order;
    i = step.i;
    j = step.j;
  }
  if (i >= a.length && j >= b.length) return 0;
  if ((i >= a.length && !isAlpha(b[j])) || isAlpha(a[i])) return -1;
  return 1;
}

export const alpmScheme = defineScheme<Evr>({
  rule: 'pacman vercmp on epoch:version-release',
  parse(text) {
    const version = text.trim();
    if (version === '') return bad('a pacman version is not empty');
    const evr = splitEvr(version);
    return ok(evr, showEvr(evr));
  },
  compare(a, b) {
    const byEpoch = compareDigits(a.epoch, b.epoch) || alpmvercmp(a.version, b.version);
    if (byEpoch !== 0 || a.release === null || b.release === null) return byEpoch;
    return alpmvercmp(a.release, b.release);
  },
});
