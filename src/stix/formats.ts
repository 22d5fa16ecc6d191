// Named string formats used by property specs: each is a precompiled test plus the finding code it
// raises. 'keys' formats apply to the keys of a dictionary rather than to a string value.
import { isIPv4, isIPv6 } from 'node:net';
import type { FindingCode } from './findings/codes.js';
import { ISO_3166_ALPHA2, ISO_639_1, ISO_639_2 } from './vocab/iso-codes.js';
import { HTTP_REQUEST_HEADERS, SOCKET_OPTIONS, PDF_DOC_INFO_KEYS, IANA_CHARSETS } from './vocab/registries.js';

export interface FormatSpec {
  readonly appliesTo: 'value' | 'keys';
  readonly test: (value: string) => boolean;
  readonly code: FindingCode;
  readonly expected: string;
}

const URL_RE = /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]+$/;
const EMAIL_RE = /^[^\s@<>()[\]",;:]+@[^\s@<>()[\]",;:]+$/;
const MAC_RE = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;
const MIME_RE = /^(application|audio|font|image|message|model|multipart|text|video)\/[a-zA-Z0-9.+_-]+/;
const LANG_RE = /^([a-zA-Z]{2,3})(-[a-zA-Z0-9]{1,8})*$/;
const CPE_RE = /^cpe:2\.3:[aho*-](:(?:[^:\\]|\\.)+){10}$/;
const HIVE_ABBREVIATION_RE = /^(HKLM|HKCC|HKCR|HKCU|HKU)(\\|$)/i;
const RELATIONSHIP_TYPE_RE = /^[a-z0-9-]+$/;
const SELECTOR_RE = /^([a-z0-9_-]{3,250}(\.(\[\d+\]|[a-z0-9_-]{1,250}))*|id)$/;
const PROTOCOL_RE = /^[a-zA-Z0-9-]{1,15}$/;
const IPFIX_RE = /^[a-z][a-zA-Z0-9]+$/;
const CIDR4_RE = /^(3[0-2]|[12][0-9]|[0-9])$/;
const CIDR6_RE = /^(12[0-8]|1[01][0-9]|[1-9][0-9]|[0-9])$/;

const COUNTRIES = new Set(ISO_3166_ALPHA2);
const LANG2 = new Set(ISO_639_1);
const LANG3 = new Set(ISO_639_2);
const HEADERS = new Set(HTTP_REQUEST_HEADERS.map((h) => h.toLowerCase()));
const SOCKETS = new Set(SOCKET_OPTIONS);
const PDF_KEYS = new Set(PDF_DOC_INFO_KEYS);
const CHARSETS = new Set(IANA_CHARSETS.map((c) => c.toLowerCase()));
const CHARSET_FAMILY_RE = /^(iso-8859-\d{1,2}|windows-\d{3,4}|ibm\d{3,5}|cp\d{3,5}|x-[a-z0-9._-]+)$/i;

function address(value: string, isIp: (s: string) => boolean, cidr: RegExp): boolean {
  const slash = value.indexOf('/');
  if (slash === -1) return isIp(value);
  return isIp(value.slice(0, slash)) && cidr.test(value.slice(slash + 1));
}

function isLanguageTag(value: string): boolean {
  const m = LANG_RE.exec(value);
  if (m === null) return false;
  const primary = (m[1] ?? '').toLowerCase();
  return primary.length === 2 ? LANG2.has(primary) : LANG3.has(primary);
}

export const FORMATS = {
  url: { appliesTo: 'value', test: (v: string) => URL_RE.test(v), code: 'STIX_INVALID_FORMAT', expected: 'a URL (RFC 3986, with a scheme)' },
  email: { appliesTo: 'value', test: (v: string) => EMAIL_RE.test(v), code: 'STIX_INVALID_FORMAT', expected: 'a bare email address (RFC 5322 addr-spec)' },
  ipv4: { appliesTo: 'value', test: (v: string) => address(v, isIPv4, CIDR4_RE), code: 'STIX_INVALID_FORMAT', expected: 'an IPv4 address or CIDR block' },
  ipv6: { appliesTo: 'value', test: (v: string) => address(v, isIPv6, CIDR6_RE), code: 'STIX_INVALID_FORMAT', expected: 'an IPv6 address or CIDR block' },
  mac: { appliesTo: 'value', test: (v: string) => MAC_RE.test(v), code: 'STIX_INVALID_FORMAT', expected: 'a lowercase, colon-delimited MAC-48 address' },
  mime: { appliesTo: 'value', test: (v: string) => MIME_RE.test(v), code: 'STIX_MIME_TYPE', expected: "an IANA media type 'type/subtype'" },
  language: { appliesTo: 'value', test: isLanguageTag, code: 'STIX_INVALID_LANGUAGE', expected: 'an RFC 5646 language tag' },
  country: { appliesTo: 'value', test: (v: string) => COUNTRIES.has(v.toUpperCase()), code: 'STIX_COUNTRY_CODE', expected: 'an ISO 3166-1 alpha-2 country code' },
  charset: { appliesTo: 'value', test: (v: string) => CHARSETS.has(v.toLowerCase()) || CHARSET_FAMILY_RE.test(v), code: 'STIX_INVALID_FORMAT', expected: 'an IANA character set name' },
  cpe: { appliesTo: 'value', test: (v: string) => CPE_RE.test(v), code: 'STIX_INVALID_FORMAT', expected: 'a CPE 2.3 formatted string' },
  'registry-key': { appliesTo: 'value', test: (v: string) => !HIVE_ABBREVIATION_RE.test(v), code: 'STIX_INVALID_FORMAT', expected: 'a key with the full hive name (e.g. HKEY_LOCAL_MACHINE), not an abbreviation' },
  'relationship-type': { appliesTo: 'value', test: (v: string) => RELATIONSHIP_TYPE_RE.test(v), code: 'STIX_INVALID_FORMAT', expected: 'lowercase ASCII letters, digits and hyphens' },
  selector: { appliesTo: 'value', test: (v: string) => SELECTOR_RE.test(v), code: 'STIX_INVALID_SELECTOR', expected: 'a selector (property, .property, [index] steps)' },
  protocol: { appliesTo: 'value', test: (v: string) => PROTOCOL_RE.test(v), code: 'STIX_PROTOCOLS', expected: 'an IANA service name' },
  'ipfix-keys': { appliesTo: 'keys', test: (v: string) => IPFIX_RE.test(v), code: 'STIX_IPFIX', expected: 'an IANA IPFIX information element name' },
  'http-header-keys': { appliesTo: 'keys', test: (v: string) => HEADERS.has(v.toLowerCase()), code: 'STIX_HTTP_REQUEST_HEADERS', expected: 'an HTTP request header name' },
  'socket-option-keys': { appliesTo: 'keys', test: (v: string) => SOCKETS.has(v), code: 'STIX_SOCKET_OPTIONS', expected: 'a socket option name (SO_*, IP_*, TCP_*, ...)' },
  'pdf-doc-info-keys': { appliesTo: 'keys', test: (v: string) => PDF_KEYS.has(v), code: 'STIX_PDF_DOC_INFO', expected: 'a PDF Document Information Dictionary key' },
} as const satisfies Record<string, FormatSpec>;

export type FormatName = keyof typeof FORMATS;
