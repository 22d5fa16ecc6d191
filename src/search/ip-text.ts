// Canonical text for IP addresses and CIDR blocks, on top of detect's parser (parseIp): IPv4 in
// dotted decimal, IPv6 in the RFC 5952 form (lower case, no leading zeros, the longest run of two
// or more zero groups as `::`, the first such run on a tie, an IPv4-mapped address with a dotted
// tail), and a block as its network address (host bits cleared) with the prefix. A block whose
// prefix is the full width (/32, /128) is the address itself, so it is indexed and found as one.
import { parseIp } from '../detect/index.js';
import type { ParsedIp } from '../detect/index.js';

export type IpKind = 'ipv4' | 'ipv6' | 'cidr4' | 'cidr6';

export interface IpTerm {
  readonly kind: IpKind;
  readonly value: string;
}

/** `words` (32-bit, most significant first) with every bit after the first `prefix` cleared. */
export function maskWords(words: readonly number[], prefix: number): number[] {
  return words.map((word, i) => {
    const keep = prefix - i * 32;
    if (keep >= 32) return word;
    if (keep <= 0) return 0;
    return (word & (0xffffffff << (32 - keep))) >>> 0;
  });
}

export function formatV4(word: number): string {
  return `${word >>> 24}.${(word >>> 16) & 255}.${(word >>> 8) & 255}.${word & 255}`;
}

export function formatV6(words: readonly number[]): string {
  const groups: number[] = [];
  for (const word of words) groups.push(Math.floor(word / 65536), word % 65536);
  // ::ffff:a.b.c.d (IPv4-mapped) keeps its dotted tail, as RFC 5952 section 5 recommends.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) return `::ffff:${formatV4(words[3] as number)}`;
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = (list: number[]): string => list.map((g) => g.toString(16)).join(':');
  if (bestStart === -1) return hex(groups);
  return `${hex(groups.slice(0, bestStart))}::${hex(groups.slice(bestStart + bestLength))}`;
}

/** The term for a parsed address or block: host kinds at full width, CIDR kinds (network form) below it. */
export function ipTermOfParsed(ip: ParsedIp): IpTerm {
  const width = ip.version === 4 ? 32 : 128;
  const words = maskWords(ip.words, ip.prefix);
  const address = ip.version === 4 ? formatV4(words[0] as number) : formatV6(words);
  if (ip.prefix === width) return { kind: ip.version === 4 ? 'ipv4' : 'ipv6', value: address };
  return { kind: ip.version === 4 ? 'cidr4' : 'cidr6', value: `${address}/${ip.prefix}` };
}

/** The canonical term for "addr" or "addr/prefix", or undefined when it is not an IP address or block. */
export function ipTerm(text: string): IpTerm | undefined {
  const parsed = parseIp(text.trim());
  return parsed === undefined ? undefined : ipTermOfParsed(parsed);
}

/**
 * Every block that contains `ip`, from /0 up to its own prefix, each as its canonical term: the
 * keys a search for an address or block probes to find stored blocks that cover it.
 */
export function coveringTerms(ip: ParsedIp): IpTerm[] {
  const terms: IpTerm[] = [];
  for (let prefix = 0; prefix <= ip.prefix; prefix++) terms.push(ipTermOfParsed({ version: ip.version, words: ip.words, prefix }));
  return terms;
}
