// Canonical domain names: detect's normal form (lower case, no trailing dot) and, for a name with
// non-ASCII labels, its IDNA A-label form (UTS #46 via node:url's domainToASCII, which also maps
// full-width characters and the ideographic full stop), so 'bücher.example' and
// 'xn--bcher-kva.example' are one term. Syntax: labels of 1-63 letters, digits, '-' or '_' (SRV
// and DMARC names use '_'), 253 characters at most.
import { domainToASCII } from 'node:url';
import { normaliseDomain } from '../detect/index.js';

const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;
const NON_ASCII = /[^\u0001-\u007f]/;

export function canonicalDomain(text: string): string | undefined {
  let name = normaliseDomain(text);
  if (NON_ASCII.test(name)) {
    const ascii = domainToASCII(name);
    if (ascii === '') return undefined;
    name = normaliseDomain(ascii);
  }
  if (name.length === 0 || name.length > 253) return undefined;
  return name.split('.').every((label) => LABEL.test(label)) ? name : undefined;
}

/**
 * The proper parents of a canonical name that have at least two labels, nearest first:
 * 'a.mail.bad.example' gives 'mail.bad.example', 'bad.example'. A lone top-level label is never
 * an indicator worth probing for (and without a public-suffix list 'co.jp' cannot be told from
 * 'bad.jp', so every two-label parent is kept).
 */
export function parentDomains(name: string): string[] {
  const labels = name.split('.');
  const parents: string[] = [];
  for (let i = 1; i <= labels.length - 2; i++) parents.push(labels.slice(i).join('.'));
  return parents;
}
