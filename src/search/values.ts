// One normaliser per value kind: the canonical text a term of that kind is indexed and looked up
// under, or undefined when the text is not a value of the kind. Keyed by the kind union, so a new
// kind does not compile until it says how its values are normalised.
import { normaliseHash, normaliseUrl } from '../detect/index.js';
import { canonicalDomain } from './domain-text.js';
import { ipTerm } from './ip-text.js';
import type { HashAlgorithm, TermKind, ValueKind } from './kinds.js';
import { HASH_KINDS } from './kinds.js';

const URL_HOST = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*@)?(\[[^\]]*\]|[^/?#:]*)(.*)$/s;

/**
 * detect's URL normal form, with a non-ASCII host in its IDNA A-label form. A URL needs a scheme
 * and `//` (an RFC 3986 URL with an authority, as STIX url values are): 'bad.example/x' is not one.
 */
function canonicalUrl(text: string): string | undefined {
  const url = normaliseUrl(text.trim());
  const parts = URL_HOST.exec(url);
  if (parts === null) return undefined;
  const host = parts[3] as string;
  if (host === '' || host.startsWith('[') || !/[^\u0001-\u007f]/.test(host)) return url;
  const ascii = canonicalDomain(host);
  return ascii === undefined ? url : `${parts[1]}${parts[2] ?? ''}${ascii}${parts[4]}`;
}

function canonicalEmail(text: string): string | undefined {
  const trimmed = text.trim();
  const at = trimmed.lastIndexOf('@');
  if (at < 1 || /\s/.test(trimmed)) return undefined;
  const domain = canonicalDomain(trimmed.slice(at + 1));
  return domain === undefined ? undefined : `${trimmed.slice(0, at).toLowerCase()}@${domain}`;
}

const MAC_GROUPS = /^([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})$/;
const MAC_DOTTED = /^([0-9a-f]{4})\.([0-9a-f]{4})\.([0-9a-f]{4})$/;

/** Lower-case colon form (as STIX requires of mac-addr values) from colon, hyphen or Cisco dotted text. */
function canonicalMac(text: string): string | undefined {
  const lower = text.trim().toLowerCase();
  const groups = MAC_GROUPS.exec(lower);
  if (groups !== null) return groups.slice(1).join(':');
  const dotted = MAC_DOTTED.exec(lower);
  if (dotted === null) return undefined;
  return dotted.slice(1).join('').replace(/(..)(?!$)/g, '$1:');
}

function canonicalAsn(text: string): string | undefined {
  const match = /^(?:AS)?([0-9]{1,10})$/i.exec(text.trim());
  if (match === null) return undefined;
  const number = Number(match[1]);
  return number <= 4294967295 ? String(number) : undefined;
}

const HIVES: Readonly<Record<string, string>> = {
  hklm: 'hkey_local_machine', hkcu: 'hkey_current_user', hkcr: 'hkey_classes_root', hku: 'hkey_users', hkcc: 'hkey_current_config',
};

/** Registry keys are case-insensitive: lower case, with the hive abbreviations spelled out. */
function canonicalRegistryKey(text: string): string | undefined {
  const lower = text.trim().toLowerCase();
  if (lower === '') return undefined;
  const slash = lower.indexOf('\\');
  const hive = slash === -1 ? lower : lower.slice(0, slash);
  return Object.hasOwn(HIVES, hive) ? `${HIVES[hive]}${lower.slice(hive.length)}` : lower;
}

/** File and mutex names: NFC, lower case (a search should not miss EVIL.EXE for evil.exe), trimmed. */
function canonicalName(text: string): string | undefined {
  const name = text.normalize('NFC').toLowerCase().trim();
  return name === '' ? undefined : name;
}

const upperIf = (re: RegExp) => (text: string): string | undefined => {
  const upper = text.trim().toUpperCase();
  return re.test(upper) ? upper : undefined;
};

export const CVE_ID = /^CVE-[0-9]{4}-[0-9]{4,}$/;
export const CAPEC_ID = /^CAPEC-[0-9]+$/;
/**
 * ATT&CK ids: techniques (T1234, T1234.001, ICS T0800), tactics (TA), groups (G), software (S),
 * mitigations (M), campaigns (C), data sources (DS) and components (DC), ICS assets (A),
 * analytics (AN) and detection strategies (DET).
 */
export const ATTACK_ID = /^(?:T[0-9]{4}(?:\.[0-9]{3})?|TA[0-9]{4}|[GSMCA][0-9]{4}|DS[0-9]{4}|DC[0-9]{4}|AN[0-9]{4}|DET[0-9]{4})$/;

const ipOf = (kind: ValueKind) => (text: string): string | undefined => {
  const term = ipTerm(text);
  return term?.kind === kind ? term.value : undefined;
};

export const VALUE_NORMALISERS: { readonly [K in ValueKind]: (text: string) => string | undefined } = {
  ipv4: ipOf('ipv4'),
  ipv6: ipOf('ipv6'),
  cidr4: ipOf('cidr4'),
  cidr6: ipOf('cidr6'),
  domain: canonicalDomain,
  url: canonicalUrl,
  email: canonicalEmail,
  'file-name': canonicalName,
  cve: upperIf(CVE_ID),
  capec: upperIf(CAPEC_ID),
  'attack-id': upperIf(ATTACK_ID),
  mac: canonicalMac,
  asn: canonicalAsn,
  mutex: canonicalName,
  'registry-key': canonicalRegistryKey,
};

const HEX_LENGTH: { readonly [A in HashAlgorithm]: number | undefined } = {
  MD5: 32, 'SHA-1': 40, 'SHA-224': 56, 'SHA-256': 64, 'SHA-384': 96, 'SHA-512': 128,
  'SHA3-224': 56, 'SHA3-256': 64, 'SHA3-384': 96, 'SHA3-512': 128, SSDEEP: undefined, TLSH: undefined,
};

/** Algorithms whose values are this many hex digits: what a bare hex query may be. */
export function algorithmsOfHexLength(length: number): HashAlgorithm[] {
  return (Object.keys(HEX_LENGTH) as HashAlgorithm[]).filter((a) => HEX_LENGTH[a] === length);
}

/** Hex digests in lower case (detect's normal form) and of their algorithm's length; TLSH keeps its 'T1' prefix. */
export function normaliseHashValue(algorithm: HashAlgorithm, text: string): string | undefined {
  const value = normaliseHash(text);
  const length = HEX_LENGTH[algorithm];
  if (length !== undefined) return value.length === length && /^[0-9a-f]+$/.test(value) ? value : undefined;
  if (algorithm === 'TLSH') {
    const body = value.startsWith('t1') ? value.slice(2) : value;
    return /^[0-9a-f]{70}$/.test(body) ? (value.startsWith('t1') ? `T1${body}` : body) : undefined;
  }
  return SSDEEP_SHAPE.test(text.trim()) ? text.trim() : undefined;
}

/** blocksize:hash:hash, optionally followed by ',"file name"' as the ssdeep tool prints it. */
export const SSDEEP_SHAPE = /^[0-9]{1,20}:[A-Za-z0-9/+]{1,128}:[A-Za-z0-9/+]{1,128}(?:,.*)?$/s;

/** The canonical text of a value of any kind, or undefined when the text is not one. */
export function normaliseValue(kind: TermKind, text: string): string | undefined {
  if ((HASH_KINDS as readonly string[]).includes(kind)) return normaliseHashValue(kind.slice(5) as HashAlgorithm, text);
  return VALUE_NORMALISERS[kind as ValueKind](text);
}
