// What a bare value is. detectKind picks the one kind a query shows for it (or undefined: the text
// is words); candidateTerms lists every kind the text could be a value of, for the lookup side,
// where probing a few extra keys costs little and missing one loses a hit.
import { canonicalDomain } from './domain-text.js';
import { refang } from './defang.js';
import { ipTerm } from './ip-text.js';
import { hashKind } from './kinds.js';
import type { TermKind } from './kinds.js';
import type { SearchKey } from './term.js';
import { algorithmsOfHexLength, normaliseHashValue, normaliseValue, SSDEEP_SHAPE, VALUE_NORMALISERS } from './values.js';

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\/\S/i;
const HEX = /^[0-9a-f]+$/i;
const TLSH = /^(?:t1)?[0-9a-f]{70}$/i;

/** The hash terms a bare digest may be: by length (64 hex digits: SHA-256 or SHA3-256), ssdeep and TLSH by shape. */
function hashCandidates(text: string): SearchKey[] {
  const keys: SearchKey[] = [];
  const algorithms = HEX.test(text) ? algorithmsOfHexLength(text.length) : [];
  if (SSDEEP_SHAPE.test(text)) algorithms.push('SSDEEP');
  if (TLSH.test(text)) algorithms.push('TLSH');
  for (const algorithm of algorithms) {
    const value = normaliseHashValue(algorithm, text);
    if (value !== undefined) keys.push({ kind: hashKind(algorithm), value });
  }
  return keys;
}

/** The strongest reading of a (possibly defanged) value, or undefined when it reads as words. */
export function detectKind(raw: string): SearchKey | undefined {
  const text = refang(raw);
  if (text === '' || /\s/.test(text)) return undefined;
  const ip = ipTerm(text);
  if (ip !== undefined) return ip;
  const strong = [
    SCHEME.test(text) ? 'url' : undefined,
    text.includes('@') ? 'email' : undefined,
    'cve', 'capec',
    // The rarer ATT&CK ids (A, AN, DC, DET, DS) look like part numbers: only `attack:` reads them.
    /^(?:T|TA|G|S|M|C)[0-9]/i.test(text) ? 'attack-id' : undefined,
    'mac',
    /^AS[0-9]+$/i.test(text) ? 'asn' : undefined,
  ] as const;
  for (const kind of strong) {
    if (kind === undefined) continue;
    const value = VALUE_NORMALISERS[kind](text);
    if (value !== undefined) return { kind, value };
  }
  const [hash] = hashCandidates(text);
  if (hash !== undefined) return hash;
  const domain = canonicalDomain(text);
  // A domain needs two labels joined by an ASCII or full-width dot (a Japanese sentence with an
  // ideographic full stop '。' is words, not an IDN) and a top-level label with a letter ('1.2.3').
  if (domain !== undefined && /[.．]/.test(text) && /\.[a-z0-9-]*[a-z][a-z0-9-]*$/.test(domain)) return { kind: 'domain', value: domain };
  if (/^hk(?:lm|cu|cr|u|cc|ey_[a-z_]+)\\/i.test(text)) return { kind: 'registry-key', value: VALUE_NORMALISERS['registry-key'](text) as string };
  return undefined;
}

const ANY_TEXT_KINDS = ['file-name', 'mutex', 'registry-key'] as const;
/** A registry key names a hive first (HKLM, HKEY_...) or holds a backslash. */
const REGISTRY_LIKE = /^hk|\\/i;

/**
 * Every term a value could be: the kinds its shape allows. An address is only an address and a
 * URL is only a URL (with its host); any other text may also be a domain, a file name or a mutex
 * (malware samples are often named by their hash), and a registry key when it looks like one.
 * The defanged and the written forms are both read.
 */
export function candidateTerms(raw: string): SearchKey[] {
  const written = raw.trim();
  const text = refang(written);
  const keys: SearchKey[] = [];
  const ip = ipTerm(text);
  if (ip !== undefined) return [ip];
  for (const kind of ['cve', 'capec', 'attack-id', 'mac', 'asn', 'email'] as const) {
    const value = VALUE_NORMALISERS[kind](text);
    if (value !== undefined) keys.push({ kind, value });
  }
  if (SCHEME.test(text)) keys.push({ kind: 'url', value: VALUE_NORMALISERS.url(text) as string });
  keys.push(...hashCandidates(text));
  const domain = canonicalDomain(text);
  if (domain !== undefined) keys.push({ kind: 'domain', value: domain });
  if (SCHEME.test(text)) return keys;
  for (const form of written === text ? [written] : [written, text]) {
    for (const kind of ANY_TEXT_KINDS) {
      if (kind === 'registry-key' && !REGISTRY_LIKE.test(form)) continue;
      const value = VALUE_NORMALISERS[kind](form);
      if (value !== undefined) keys.push({ kind, value });
    }
  }
  return keys;
}

/** The term of a value read as the given kind only, or undefined when it is not one. */
export function termAs(kind: TermKind, raw: string): SearchKey | undefined {
  const value = normaliseValue(kind, refang(raw));
  return value === undefined ? undefined : { kind, value };
}

