// The field roles every input format maps to, and the one function that turns role values into
// SCOs: addresses and ports into network-traffic with ipv4-addr/ipv6-addr ends, names into
// domain-name, URLs into url, hashes into one file. Values are normalised here (see normalise.ts).
import type { Sco } from './event.js';
import { parseIp } from './ip.js';
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

const HASH_ROLES = { md5: 'MD5', sha1: 'SHA-1', sha256: 'SHA-256', sha512: 'SHA-512' } as const satisfies Partial<Record<FieldRole, string>>;

function strings(values: unknown[] | undefined): string[] {
  const out: string[] = [];
  for (const value of values ?? []) {
    if (typeof value === 'string') {
      if (value !== '' && value !== '-') out.push(value);
    } else if (typeof value === 'number') out.push(String(value));
  }
  return out;
}

function port(values: unknown[] | undefined): number | undefined {
  for (const value of values ?? []) {
    const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,5}$/.test(value) ? Number(value) : NaN;
    if (Number.isInteger(n) && n >= 0 && n <= 65535) return n;
  }
  return undefined;
}

function addressType(text: string): 'ipv4-addr' | 'ipv6-addr' | undefined {
  const ip = parseIp(text);
  return ip === undefined ? undefined : ip.version === 4 ? 'ipv4-addr' : 'ipv6-addr';
}

class ScoList {
  readonly scos: Sco[] = [];
  private readonly keys = new Map<string, number>();

  /** Adds an object once (by type and value) and returns its position as a reference key. */
  add(type: string, value: string, extra?: Record<string, unknown>): string {
    const key = `${type}\u0000${value}`;
    const known = this.keys.get(key);
    if (known !== undefined) return String(known);
    this.keys.set(key, this.scos.length);
    this.scos.push({ type, value, ...extra });
    return String(this.scos.length - 1);
  }

  address(text: string): string | undefined {
    const type = addressType(text);
    return type === undefined ? undefined : this.add(type, text);
  }

  /** A name: a domain-name, or an address object when the "name" is an IP literal. */
  name(text: string): void {
    const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
    if (this.address(bare) !== undefined) return;
    const domain = normaliseDomain(text);
    if (domain !== '') this.add('domain-name', domain);
  }

  push(sco: Sco): void {
    this.scos.push(sco);
  }
}

function hostOf(host: string): string {
  // Strip a port from "name:port" (not from a bare IPv6 address).
  const colon = host.lastIndexOf(':');
  if (colon > 0 && host.indexOf(':') === colon && /^\d+$/.test(host.slice(colon + 1))) return host.slice(0, colon);
  return host;
}

/** The SCOs one event's role values describe (possibly none). */
export function buildScos(values: RoleValues): Sco[] {
  const list = new ScoList();
  const src = strings(values.src_ip)[0];
  const dst = strings(values.dst_ip)[0];
  const srcRef = src === undefined ? undefined : list.address(src);
  const dstRef = dst === undefined ? undefined : list.address(dst);
  if (srcRef !== undefined || dstRef !== undefined) {
    const protocols = strings(values.protocol).map((p) => p.toLowerCase());
    const family = addressType((src ?? dst) as string) === 'ipv6-addr' ? 'ipv6' : 'ipv4';
    const traffic: Sco = { type: 'network-traffic', protocols: protocols.length > 0 ? protocols : [family] };
    if (srcRef !== undefined) traffic['src_ref'] = srcRef;
    if (dstRef !== undefined) traffic['dst_ref'] = dstRef;
    const srcPort = port(values.src_port);
    const dstPort = port(values.dst_port);
    if (srcPort !== undefined) traffic['src_port'] = srcPort;
    if (dstPort !== undefined) traffic['dst_port'] = dstPort;
    list.push(traffic);
  }
  for (const ip of strings(values.ip)) list.address(ip);
  for (const domain of strings(values.domain)) list.name(domain);
  for (const url of strings(values.url)) list.add('url', normaliseUrl(url));
  const host = strings(values.http_host)[0];
  const uri = strings(values.http_uri)[0];
  if (host !== undefined) list.name(hostOf(host));
  if (uri !== undefined && /^[a-z][a-z0-9+.-]*:\/\//i.test(uri)) list.add('url', normaliseUrl(uri));
  else if (host !== undefined && uri !== undefined) list.add('url', normaliseUrl(`http://${host}${uri.startsWith('/') ? '' : '/'}${uri}`));
  const hashes: Record<string, string> = {};
  let anyHash = false;
  for (const [role, algorithm] of Object.entries(HASH_ROLES) as [keyof typeof HASH_ROLES, string][]) {
    const hash = strings(values[role])[0];
    if (hash !== undefined) {
      hashes[algorithm] = normaliseHash(hash);
      anyHash = true;
    }
  }
  const fileName = strings(values.file_name)[0];
  if (anyHash || fileName !== undefined) {
    const file: Sco = { type: 'file' };
    if (anyHash) file['hashes'] = hashes;
    if (fileName !== undefined) file['name'] = fileName;
    list.push(file);
  }
  for (const email of strings(values.email)) list.add('email-addr', email.trim());
  return list.scos;
}
