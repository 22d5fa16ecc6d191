// The fields a query may name (`field:value`), as const data: each either reads its value as
// exact-value terms of some kinds (`domain:`, `sha256:`, `ip:`), or checks it against a small
// syntax (`type:`, `tlp:`, `id:`), or takes free text (`name:`, `label:`, `collection:`).
import { HASH_KINDS } from './kinds.js';
import type { TermKind } from './kinds.js';

export type FieldSpec =
  | { readonly kind: 'terms'; readonly terms: readonly TermKind[] }
  | { readonly kind: 'checked'; readonly check: (value: string) => string | undefined; readonly expected: string }
  | { readonly kind: 'text' };

const terms = (...kinds: TermKind[]): FieldSpec => ({ kind: 'terms', terms: kinds });

const TLP_LEVELS: Readonly<Record<string, string>> = {
  clear: 'clear', white: 'clear', green: 'green', amber: 'amber', 'amber+strict': 'amber+strict', red: 'red',
};

export const FIELD_SPECS = {
  type: {
    kind: 'checked',
    check: (v: string) => (/^[a-z0-9](?:[a-z0-9-]{1,248})[a-z0-9]$/.test(v.toLowerCase()) ? v.toLowerCase() : undefined),
    expected: 'a STIX type name such as indicator or ipv4-addr',
  },
  id: {
    kind: 'checked',
    check: (v: string) => (/^[a-z0-9-]+--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v.toLowerCase()) ? v.toLowerCase() : undefined),
    expected: 'a STIX id such as indicator--<uuid>',
  },
  tlp: {
    kind: 'checked',
    check: (v: string) => {
      const level = v.toLowerCase().replace(/^tlp:/, '');
      return Object.hasOwn(TLP_LEVELS, level) ? TLP_LEVELS[level] : undefined;
    },
    expected: 'one of clear, green, amber, amber+strict, red',
  },
  name: { kind: 'text' },
  label: { kind: 'text' },
  collection: { kind: 'text' },
  ip: terms('ipv4', 'ipv6', 'cidr4', 'cidr6'),
  ipv4: terms('ipv4', 'cidr4'),
  ipv6: terms('ipv6', 'cidr6'),
  cidr: terms('cidr4', 'cidr6', 'ipv4', 'ipv6'),
  domain: terms('domain'),
  url: terms('url'),
  email: terms('email'),
  hash: terms(...HASH_KINDS),
  md5: terms('hash:MD5'),
  sha1: terms('hash:SHA-1'),
  sha256: terms('hash:SHA-256'),
  sha512: terms('hash:SHA-512'),
  ssdeep: terms('hash:SSDEEP'),
  tlsh: terms('hash:TLSH'),
  file: terms('file-name'),
  cve: terms('cve'),
  capec: terms('capec'),
  attack: terms('attack-id'),
  mac: terms('mac'),
  asn: terms('asn'),
  mutex: terms('mutex'),
  registry: terms('registry-key'),
} as const satisfies Record<string, FieldSpec>;

export type SearchField = keyof typeof FIELD_SPECS;
export const SEARCH_FIELDS = Object.keys(FIELD_SPECS) as readonly SearchField[];

export function isSearchField(name: string): name is SearchField {
  return Object.hasOwn(FIELD_SPECS, name);
}
