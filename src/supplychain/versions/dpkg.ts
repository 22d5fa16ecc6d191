// Debian package versions ([epoch:]upstream[-revision]) ordered as dpkg's verrevcmp does
// (Debian Policy 5.6.12): epochs as integers, then upstream and revision compared alternately by
// non-digit runs (letters before non-letters, '~' before everything, even the end) and digit runs.
import { bad, compareDigits, defineScheme, isAlpha, isDigit, ok, sign } from './scheme.js';
import type { Order } from './scheme.js';

interface DebVersion {
  readonly epoch: string;
  readonly upstream: string;
  readonly revision: string;
}

function order(c: string | undefined): number {
  if (c === undefined || isDigit(c)) return 0;
  if (isAlpha(c)) return c.charCodeAt(0);
  if (c === '~') return -1;
  return c.charCodeAt(0) + 256;
}

export function verrevcmp(a: string, b: string): Order {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let firstDiff = 0;
    while ((i < a.length && !isDigit(a[i])) || (j < b.length && !isDigit(b[j]))) {
      const ac = order(a[i]);
      const bc = order(b[j]);
      if (ac !== bc) return sign(ac - bc);
      i++;
      j++;
    }
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    while (isDigit(a[i]) && isDigit(b[j])) {
      if (firstDiff === 0) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (isDigit(a[i])) return 1;
    if (isDigit(b[j])) return -1;
    if (firstDiff !== 0) return sign(firstDiff);
  }
  return 0;
}

export const dpkgScheme = defineScheme<DebVersion>({
  rule: 'dpkg verrevcmp (epoch, upstream, revision; ~ sorts first)',
  parse(text) {
    const version = text.trim();
    if (version === '') return bad('a Debian version is not empty');
    const colon = version.indexOf(':');
    const epoch = colon >= 0 ? version.slice(0, colon) : '0';
    if (!/^[0-9]+$/.test(epoch)) return bad('the epoch before ":" is an unsigned integer');
    const rest = colon >= 0 ? version.slice(colon + 1) : version;
    const dash = rest.lastIndexOf('-');
    const upstream = dash >= 0 ? rest.slice(0, dash) : rest;
    const revision = dash >= 0 ? rest.slice(dash + 1) : '';
    if (upstream === '') return bad('the upstream version is not empty');
    if (!/^[0-9]/.test(upstream)) return bad('the upstream version starts with a digit');
    if (!/^[A-Za-z0-9.+~:-]+$/.test(upstream) || !/^[A-Za-z0-9.+~]*$/.test(revision)) return bad('only alphanumerics and . + - ~ (and : with an epoch) appear');
    return ok({ epoch, upstream, revision }, `${epoch}:${upstream}${revision === '' ? '' : `-${revision}`}`);
  },
  compare(a, b) {
    return compareDigits(a.epoch, b.epoch) || verrevcmp(a.upstream, b.upstream) || verrevcmp(a.revision, b.revision);
  },
});
