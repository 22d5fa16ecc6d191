// The field roles every input format maps to, and the one function that turns role values into
// SCOs: addresses and ports into network-traffic with ipv4-addr/ipv6-addr ends, names into
// domain-name, URLs into url, hashes into one file. Values are normalised here (see normalise.ts).
import { refKey } from './event.js';
import type { Sco } from './event.js';
import { ipVersionOf } from './ip.js';
import { normaliseDomain, normaliseHash, normaliseUrl } from './normalise.js';

export const FIELD_ROLES = [
  'timestamp',
  'src_ip', 'dst_ip', 'src_port', 'dst_port', 'protocol',
  /** Other addresses the event names (DNS answers): address objects only. */
  'ip',
  'domain', 'url', 'http_host', 'http_uri',
  'md5', 'sha1', 'sha256', 'sha512', 'file_name',
  'email',
] as const;
export type FieldRole = (typeof FIELD_ROLES)[number];

export type RoleValues = { [R in FieldRole]?: unknown[] };

/**
 * Role values with every role present (undefined when absent), all objects of one hidden class:
 * readers fill one per event through ROLE_SETTERS (named stores), so neither they nor buildScos
 * meet the megamorphic property accesses that objects built key by key would cause.
 */
export type RoleSlots = { [R in FieldRole]: unknown[] | undefined };

export function emptyRoleSlots(): RoleSlots {
  return {
    timestamp: undefined,
    src_ip: undefined,
    dst_ip: undefined,
    src_port: undefined,
    dst_port: undefined,
    protocol: undefined,
    ip: undefined,
    domain: undefined,
    url: undefined,
    http_host: undefined,
    http_uri: undefined,
    md5: undefined,
    sha1: undefined,
    sha256: undefined,
    sha512: undefined,
    file_name: undefined,
    email: undefined,
  };
}

export const ROLE_SETTERS: { [R in FieldRole]: (values: RoleSlots, list: unknown[]) => void } = {
  timestamp: (values, list) => {
    values.timestamp = list;
  },
  src_ip: (values, list) => {
    values.src_ip = list;
  },
  dst_ip: (values, list) => {
    values.dst_ip = list;
  },
  src_port: (values, list) => {
    values.src_port = list;
  },
  dst_port: (values, list) => {
    values.dst_port = list;
  },
  protocol: (values, list) => {
    values.protocol = list;
  },
  ip: (values, list) => {
    values.ip = list;
  },
  domain: (values, list) => {
    values.domain = list;
  },
  url: (values, list) => {
    values.url = list;
  },
  http_host: (values, list) => {
    values.http_host = list;
  },
  http_uri: (values, list) => {
    values.http_uri = list;
  },
  md5: (values, list) => {
    values.md5 = list;
  },
  sha1: (values, list) => {
    values.sha1 = list;
  },
  sha256: (values, list) => {
    values.sha256 = list;
  },
  sha512: (values, list) => {
    values.sha512 = list;
  },
  file_name: (values, list) => {
    values.file_name = list;
  },
  email: (values, list) => {
    values.email = list;
  },
};

const HASH_ROLES = [
  ['md5', 'MD5'],
  ['sha1', 'SHA-1'],
  ['sha256', 'SHA-256'],
  ['sha512', 'SHA-512'],
] as const satisfies readonly (readonly [FieldRole, string])[];

/** A usable text value: strings other than "" and "-" (Zeek's unset), numbers as text. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' || value === '-' ? undefined : value;
  return typeof value === 'number' ? String(value) : undefined;
}

function first(values: readonly unknown[] | undefined): string | undefined {
  if (values === undefined) return undefined;
  for (let i = 0; i < values.length; i++) {
    const found = text(values[i]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A port number from a number or a string of at most 5 digits. */
function port(values: readonly unknown[] | undefined): number | undefined {
  if (values === undefined) return undefined;
  for (const value of values) {
    let n = -1;
    if (typeof value === 'number') n = Number.isInteger(value) ? value : -1;
    else if (typeof value === 'string' && value.length > 0 && value.length <= 5) {
      n = 0;
      for (let i = 0; i < value.length; i++) {
        const c = value.charCodeAt(i);
        if (c < 48 || c > 57) {
          n = -1;
          break;
        }
        n = n * 10 + (c - 48);
      }
    }
    if (n >= 0 && n <= 65535) return n;
  }
  return undefined;
}

/** Adds {type, value} once (SCOs of one event are few: a linear scan beats hashing) and returns its reference key. */
function add(scos: Sco[], type: string, value: string): string {
  for (let i = 0; i < scos.length; i++) {
    const sco = scos[i] as Sco;
    if (sco.type === type && sco['value'] === value) return refKey(i);
  }
  scos.push({ type, value });
  return refKey(scos.length - 1);
}

function address(scos: Sco[], value: string): string | undefined {
  const version = ipVersionOf(value);
  return version === 0 ? undefined : add(scos, version === 4 ? 'ipv4-addr' : 'ipv6-addr', value);
}

/** A name: a domain-name, or an address object when the "name" is an IP literal. */
function name(scos: Sco[], value: string): void {
  const bare = value.charCodeAt(0) === 91 /* [ */ && value.endsWith(']') ? value.slice(1, -1) : value;
  if (address(scos, bare) !== undefined) return;
  const domain = normaliseDomain(value);
  if (domain !== '') add(scos, 'domain-name', domain);
}

function hostOf(host: string): string {
  // Strip a port from "name:port" (not from a bare IPv6 address).
  const colon = host.lastIndexOf(':');
  if (colon > 0 && host.indexOf(':') === colon && /^\d+$/.test(host.slice(colon + 1))) return host.slice(0, colon);
  return host;
}

const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:\/\//i;

/** The SCOs one event's role values describe (possibly none). */
export function buildScos(values: RoleValues): Sco[] {
  const scos: Sco[] = [];
  const src = first(values.src_ip);
  const dst = first(values.dst_ip);
  const srcRef = src === undefined ? undefined : address(scos, src);
  const dstRef = dst === undefined ? undefined : address(scos, dst);
  if (srcRef !== undefined || dstRef !== undefined) {
    const protocol = first(values.protocol);
    const family = (scos[0] as Sco).type === 'ipv6-addr' ? 'ipv6' : 'ipv4';
    const traffic: Sco = { type: 'network-traffic', protocols: [protocol === undefined ? family : protocol.toLowerCase()] };
    if (srcRef !== undefined) traffic['src_ref'] = srcRef;
    if (dstRef !== undefined) traffic['dst_ref'] = dstRef;
    const srcPort = port(values.src_port);
    const dstPort = port(values.dst_port);
    if (srcPort !== undefined) traffic['src_port'] = srcPort;
    if (dstPort !== undefined) traffic['dst_port'] = dstPort;
    scos.push(traffic);
  }
  const ips = values.ip;
  if (ips !== undefined) for (const ip of ips) if (typeof ip === 'string' && ip !== '-') address(scos, ip);
  const domains = values.domain;
  if (domains !== undefined) {
    for (const domain of domains) {
      const found = text(domain);
      if (found !== undefined) name(scos, found);
    }
  }
  const urls = values.url;
  if (urls !== undefined) {
    for (const url of urls) {
      const found = text(url);
      if (found !== undefined) add(scos, 'url', normaliseUrl(found));
    }
  }
  const host = first(values.http_host);
  const uri = first(values.http_uri);
  if (host !== undefined) name(scos, hostOf(host));
  if (uri !== undefined && ABSOLUTE_URL.test(uri)) add(scos, 'url', normaliseUrl(uri));
  else if (host !== undefined && uri !== undefined) add(scos, 'url', normaliseUrl(`http://${host}${uri.startsWith('/') ? '' : '/'}${uri}`));
  let hashes: Record<string, string> | undefined;
  if (values.md5 !== undefined || values.sha1 !== undefined || values.sha256 !== undefined || values.sha512 !== undefined) {
    for (const [role, algorithm] of HASH_ROLES) {
      const hash = first(values[role]);
      if (hash !== undefined) (hashes ??= {})[algorithm] = normaliseHash(hash);
    }
  }
  const fileName = first(values.file_name);
  if (hashes !== undefined || fileName !== undefined) {
    const file: Sco = { type: 'file' };
    if (hashes !== undefined) file['hashes'] = hashes;
    if (fileName !== undefined) file['name'] = fileName;
    scos.push(file);
  }
  const emails = values.email;
  if (emails !== undefined) {
    for (const email of emails) {
      const found = text(email);
      if (found !== undefined) add(scos, 'email-addr', found.trim());
    }
  }
  return scos;
}
