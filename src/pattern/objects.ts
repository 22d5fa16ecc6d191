// What the checker knows of STIX 2.1 Cyber-observable Objects: each SCO type and its top-level
// properties (STIX 2.1 section 6). Kept here, not imported from stix/, so pattern/ stays standalone.
const COMMON = ['type', 'id', 'spec_version', 'object_marking_refs', 'granular_markings', 'defanged', 'extensions'] as const;

export const SCO_PROPERTIES = {
  artifact: ['mime_type', 'payload_bin', 'url', 'hashes', 'encryption_algorithm', 'decryption_key'],
  'autonomous-system': ['number', 'name', 'rir'],
  directory: ['path', 'path_enc', 'ctime', 'mtime', 'atime', 'contains_refs'],
  'domain-name': ['value', 'resolves_to_refs'],
  'email-addr': ['value', 'display_name', 'belongs_to_ref'],
  'email-message': [
    'is_multipart', 'date', 'content_type', 'from_ref', 'sender_ref', 'to_refs', 'cc_refs', 'bcc_refs', 'message_id',
    'subject', 'received_lines', 'additional_header_fields', 'body', 'body_multipart', 'raw_email_ref',
  ],
  file: [
    'hashes', 'size', 'name', 'name_enc', 'magic_number_hex', 'mime_type', 'ctime', 'mtime', 'atime',
    'parent_directory_ref', 'contains_refs', 'content_ref',
  ],
  'ipv4-addr': ['value', 'resolves_to_refs', 'belongs_to_refs'],
  'ipv6-addr': ['value', 'resolves_to_refs', 'belongs_to_refs'],
  'mac-addr': ['value'],
  mutex: ['name'],
  'network-traffic': [
    'start', 'end', 'is_active', 'src_ref', 'dst_ref', 'src_port', 'dst_port', 'protocols', 'src_byte_count',
    'dst_byte_count', 'src_packets', 'dst_packets', 'ipfix', 'src_payload_ref', 'dst_payload_ref', 'encapsulates_refs',
    'encapsulated_by_ref',
  ],
  process: [
    'is_hidden', 'pid', 'created_time', 'cwd', 'command_line', 'environment_variables', 'opened_connection_refs',
    'creator_user_ref', 'image_ref', 'parent_ref', 'child_refs',
  ],
  software: ['name', 'cpe', 'swid', 'languages', 'vendor', 'version'],
  url: ['value'],
  'user-account': [
    'user_id', 'credential', 'account_login', 'account_type', 'display_name', 'is_service_account', 'is_privileged',
    'can_escalate_privs', 'is_disabled', 'account_created', 'account_expires', 'credential_last_changed',
    'account_first_login', 'account_last_login',
  ],
  'windows-registry-key': ['key', 'values', 'modified_time', 'creator_user_ref', 'number_of_subkeys'],
  'x509-certificate': [
    'is_self_signed', 'hashes', 'version', 'serial_number', 'signature_algorithm', 'issuer', 'validity_not_before',
    'validity_not_after', 'subject', 'subject_public_key_algorithm', 'subject_public_key_modulus',
    'subject_public_key_exponent', 'x509_v3_extensions',
  ],
} as const satisfies Record<string, readonly string[]>;

export type ScoType = keyof typeof SCO_PROPERTIES;

export function isScoType(type: string): type is ScoType {
  return Object.hasOwn(SCO_PROPERTIES, type);
}

// STIX 2.1 Domain Objects, Relationship Objects and meta objects: not cyber-observables, so an
// observation expression naming one never matches (section 9: patterns match SCOs).
const NON_OBSERVABLE_TYPES: ReadonlySet<string> = new Set([
  'attack-pattern', 'campaign', 'course-of-action', 'grouping', 'identity', 'incident', 'indicator', 'infrastructure',
  'intrusion-set', 'location', 'malware', 'malware-analysis', 'note', 'observed-data', 'opinion', 'report',
  'threat-actor', 'tool', 'vulnerability', 'relationship', 'sighting', 'language-content', 'marking-definition',
  'extension-definition', 'bundle',
]);

export function isNonObservableType(type: string): boolean {
  return NON_OBSERVABLE_TYPES.has(type);
}

/** Custom object types (x-...) and custom properties (x_...) are allowed without warning. */
export function isCustomType(type: string): boolean {
  return type.startsWith('x-');
}

export function isKnownProperty(type: ScoType, property: string): boolean {
  return property.startsWith('x_') || (COMMON as readonly string[]).includes(property) || (SCO_PROPERTIES[type] as readonly string[]).includes(property);
}

/** Hash algorithms whose value format is fixed (keys normalised: upper case, no '-'), as the reference validator checks them. */
export const HASH_FORMATS: Readonly<Record<string, RegExp>> = {
  MD5: /^[a-fA-F0-9]{32}$/,
  MD6: /^(?:[a-fA-F0-9]{32}|[a-fA-F0-9]{40}|[a-fA-F0-9]{56}|[a-fA-F0-9]{64}|[a-fA-F0-9]{96}|[a-fA-F0-9]{128})$/,
  RIPEMD160: /^[a-fA-F0-9]{40}$/,
  SHA1: /^[a-fA-F0-9]{40}$/,
  SHA224: /^[a-fA-F0-9]{56}$/,
  SHA256: /^[a-fA-F0-9]{64}$/,
  SHA384: /^[a-fA-F0-9]{96}$/,
  SHA512: /^[a-fA-F0-9]{128}$/,
  SHA3224: /^[a-fA-F0-9]{56}$/,
  SHA3256: /^[a-fA-F0-9]{64}$/,
  SHA3384: /^[a-fA-F0-9]{96}$/,
  SHA3512: /^[a-fA-F0-9]{128}$/,
  SSDEEP: /^[a-zA-Z0-9/+:.]{1,128}$/,
  WHIRLPOOL: /^[a-fA-F0-9]{128}$/,
};
