// The lookup side: for a query value, every key to probe in the exact-value index.
//   address   -> itself and every block that covers it: /0../31 for IPv4, /0../127 for IPv6
//                (33 and 129 equality probes; see docs/search.md for why not a range index).
//   block     -> every block that covers it, itself included.
//   domain    -> itself and its parents with two labels or more: a stored bad.example is found
//                by mail.bad.example. Not the other way: a parent does not find its children.
//   url       -> itself, and its host as a domain (with parents) or address (with blocks).
//   email     -> itself, and its domain (with parents).
//   others    -> the value itself.
import { parseIp } from '../detect/index.js';
import { parentDomains } from './domain-text.js';
import { candidateTerms, termAs } from './detect-value.js';
import { coveringTerms } from './ip-text.js';
import { isValueKind } from './kinds.js';
import type { TermKind, ValueKind } from './kinds.js';
import { keyString } from './term.js';
import type { SearchKey } from './term.js';

const URL_HOST = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#]*@)?(\[[^\]]*\]|[^/?#:]*)/;

const covering = (key: SearchKey): SearchKey[] => {
  const parsed = parseIp(key.value);
  return parsed === undefined ? [key] : coveringTerms(parsed);
};
const withParents = (key: SearchKey): SearchKey[] => [key, ...parentDomains(key.value).map((value) => ({ kind: 'domain' as const, value }))];
const itself = (key: SearchKey): SearchKey[] => [key];

/** How each kind of reading expands into keys; keyed by every value kind (hash kinds probe themselves). */
const EXPANSIONS: { readonly [K in ValueKind]: (key: SearchKey) => SearchKey[] } = {
  ipv4: covering,
  ipv6: covering,
  cidr4: covering,
  cidr6: covering,
  domain: withParents,
  email: (key) => [key, ...withParents({ kind: 'domain', value: key.value.slice(key.value.lastIndexOf('@') + 1) })],
  url: (key) => {
    const host = URL_HOST.exec(key.value)?.[1];
    if (host === undefined || host === '') return [key];
    const bare = host.startsWith('[') ? host.slice(1, -1) : host;
    const hostKey = termAs('ipv4', bare) ?? termAs('ipv6', bare) ?? termAs('domain', bare);
    return hostKey === undefined ? [key] : [key, ...expand(hostKey)];
  },
  'file-name': itself,
  cve: itself,
  capec: itself,
  'attack-id': itself,
  mac: itself,
  asn: itself,
  mutex: itself,
  'registry-key': itself,
};

function expand(key: SearchKey): SearchKey[] {
  return isValueKind(key.kind) ? EXPANSIONS[key.kind](key) : [key];
}

/**
 * The keys to probe for a value: read as `kinds` when given (a `field:value` query), else as
 * every kind it could be. Empty when the value is no value of those kinds.
 */
export function searchKeysFor(value: string, kinds?: readonly TermKind[]): SearchKey[] {
  const terms = kinds === undefined
    ? candidateTerms(value)
    : kinds.flatMap((kind) => {
      const term = termAs(kind, value);
      return term === undefined ? [] : [term];
    });
  const seen = new Set<string>();
  const keys: SearchKey[] = [];
  for (const key of terms.flatMap(expand)) {
    const id = keyString(key);
    if (seen.has(id)) continue;
    seen.add(id);
    keys.push(key);
  }
  return keys;
}
