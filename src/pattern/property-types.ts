// The value type of each scalar top-level property of the STIX 2.1 SCOs (section 6), for checking
// the literals a pattern compares them with. Properties not listed (references, lists,
// dictionaries, extensions) are not checked.
import type { ScoType } from './objects.js';

export type PropertyKind = 'integer' | 'boolean' | 'timestamp' | 'string';

const s = 'string';
const i = 'integer';
const b = 'boolean';
const t = 'timestamp';

const COMMON: Readonly<Record<string, PropertyKind>> = { type: s, id: s, spec_version: s, defanged: b };

const KINDS: Readonly<Record<ScoType, Readonly<Record<string, PropertyKind>>>> = {
  artifact: { mime_type: s, url: s, encryption_algorithm: s, decryption_key: s },
  'autonomous-system': { number: i, name: s, rir: s },
  directory: { path: s, ctime: t, mtime: t, atime: t },
  'domain-name': { value: s },
  'email-addr': { value: s, display_name: s },
  'email-message': { is_multipart: b, date: t, content_type: s, message_id: s, subject: s, body: s },
  file: { size: i, name: s, mime_type: s, ctime: t, mtime: t, atime: t },
  'ipv4-addr': { value: s },
  'ipv6-addr': { value: s },
  'mac-addr': { value: s },
  mutex: { name: s },
  'network-traffic': {
    start: t, end: t, is_active: b, src_port: i, dst_port: i, src_byte_count: i, dst_byte_count: i, src_packets: i, dst_packets: i,
  },
  process: { is_hidden: b, pid: i, created_time: t, cwd: s, command_line: s },
  software: { name: s, cpe: s, swid: s, vendor: s, version: s },
  url: { value: s },
  'user-account': {
    user_id: s, credential: s, account_login: s, account_type: s, display_name: s, is_service_account: b, is_privileged: b,
    can_escalate_privs: b, is_disabled: b, account_created: t, account_expires: t, credential_last_changed: t,
    account_first_login: t, account_last_login: t,
  },
  'windows-registry-key': { key: s, modified_time: t, number_of_subkeys: i },
  'x509-certificate': {
    is_self_signed: b, version: s, serial_number: s, signature_algorithm: s, issuer: s, validity_not_before: t,
    validity_not_after: t, subject: s, subject_public_key_algorithm: s, subject_public_key_modulus: s,
    subject_public_key_exponent: i,
  },
};

export function propertyKind(type: ScoType, property: string): PropertyKind | undefined {
  return KINDS[type][property] ?? COMMON[property];
}
