// The catalogue of validation finding codes. Each code has a severity (MUST violation = error,
// SHOULD = warning), a one-line description and, where one exists, the cti-stix-validator check
// name and number it corresponds to, so that `disabled` accepts the reference validator's names.
// Findings for open vocabularies carry the vocabulary's own check name (see vocab/index.ts).

export interface CodeInfo {
  readonly severity: 'error' | 'warning';
  readonly description: string;
  /** Reference validator check name (cti-stix-validator `--disable` name), when there is one. */
  readonly check?: string;
}

export const FINDING_CODES = {
  STIX_NOT_AN_OBJECT: { severity: 'error', description: 'the input (or a bundle entry) is not a JSON object' },
  STIX_REQUIRED_PROPERTY: { severity: 'error', description: 'a required property is missing' },
  STIX_INVALID_TYPE_NAME: { severity: 'error', description: "'type' is not a valid type name (a-z, 0-9, '-', 3-250 chars, no '--')" },
  STIX_INVALID_SPEC_VERSION: { severity: 'error', description: "'spec_version' is not '2.1'" },
  STIX_INVALID_ID: { severity: 'error', description: "an identifier is not '<type>--<RFC 4122 UUID>'" },
  STIX_ID_TYPE_MISMATCH: { severity: 'error', description: "the type part of 'id' differs from 'type'" },
  STIX_INVALID_TIMESTAMP: { severity: 'error', description: 'a timestamp is not an RFC 3339 UTC timestamp, or names no real date' },
  STIX_TIMESTAMP_PRECISION: { severity: 'error', description: 'a timestamp lacks the precision its property requires' },
  STIX_TIMESTAMP_ORDER: { severity: 'error', description: 'a timestamp is earlier than one it must follow (e.g. modified < created)' },
  STIX_WRONG_VALUE_TYPE: { severity: 'error', description: 'a property value has the wrong JSON type' },
  STIX_EMPTY_LIST: { severity: 'error', description: 'a list property is empty' },
  STIX_VALUE_OUT_OF_RANGE: { severity: 'error', description: 'a number is outside the range its property allows' },
  STIX_ENUM_VALUE: { severity: 'error', description: 'a value is not in the closed enumeration of its property' },
  STIX_INVALID_PATTERN: { severity: 'error', description: "an indicator's STIX pattern does not parse, or names an object type or property illegally" },
  STIX_INVALID_FORMAT: { severity: 'error', description: 'a string does not have the format its property requires (address, URL, base64, hex, ...)' },
  STIX_REF_TYPE: { severity: 'error', description: 'a reference points at an object type the property does not allow' },
  STIX_INVALID_PROPERTY_NAME: { severity: 'error', description: 'a custom property name breaks the naming rules (a-z, 0-9, _; 3-250 chars)' },
  STIX_RESERVED_PROPERTY: { severity: 'error', description: 'a reserved property name is used' },
  STIX_RESERVED_TYPE: { severity: 'error', description: 'a reserved object type name is used for a custom object' },
  STIX_CONSTRAINT: { severity: 'error', description: 'a cross-property rule of the type is broken (at least one of, mutually exclusive, depends on, ...)' },
  STIX_INVALID_SELECTOR: { severity: 'error', description: 'a granular-marking selector does not resolve to a property of the object' },
  STIX_MARKING_CIRCULAR: { severity: 'error', description: 'a marking definition marks itself' },
  STIX_TLP_MISMATCH: { severity: 'error', description: 'a TLP marking definition differs from the published one' },
  STIX_MULTIPLE_TLP: { severity: 'error', description: 'more than one TLP marking is applied to the same object' },
  STIX_MARKING_CONTENT: { severity: 'error', description: 'a marking definition has neither a valid definition nor an extension' },
  STIX_INVALID_HASH: { severity: 'error', description: 'a hash value does not fit its algorithm (length / alphabet) or its key is malformed' },
  STIX_INVALID_EXTENSION: { severity: 'error', description: 'an extensions entry is malformed (key, extension_type, content)' },
  STIX_INVALID_LANGUAGE: { severity: 'error', description: 'a language tag is not an RFC 5646 tag' },
  STIX_SCO_ID_VERSION: { severity: 'error', description: 'an SCO with no id-contributing properties must use a UUIDv4 id' },
  STIX_DEPRECATED_OBJECTS_FORM: { severity: 'error', description: "observed-data 'objects' is not a dictionary of SCOs" },
  STIX_BUNDLE_OBJECTS: { severity: 'error', description: "a bundle's 'objects' is not a list" },
  STIX_NULL_VALUE: { severity: 'error', description: 'a property, list item or dictionary value is null (omit it instead)' },
  STIX_EMPTY_DICTIONARY: { severity: 'error', description: 'a dictionary (or extensions, or custom object value) is empty' },
  STIX_DICTIONARY_KEY: { severity: 'error', description: "a dictionary key is not 1-250 ASCII letters, digits, '-' and '_'" },
  STIX_2_0_CONTENT: { severity: 'error', description: 'the input is STIX 2.0 content (spec_version "2.0", or a 2.0-only shape); messages start "STIX 2.0 content: "' },
  STIX_CUSTOM_PREFIX: { severity: 'warning', description: "custom names should start with 'x-'/'x_', a source identifier and the name", check: 'custom-prefix' },
  STIX_CUSTOM_PREFIX_LAX: { severity: 'warning', description: "custom names should start with 'x-' / 'x_'", check: 'custom-prefix-lax' },
  STIX_UUID_VERSION: { severity: 'warning', description: 'SDO/SRO/SMO/bundle ids should be UUIDv4, SCO ids UUIDv5', check: 'uuid-check' },
  STIX_OPEN_VOCAB_FORMAT: { severity: 'warning', description: 'open-vocabulary values should be lowercase with hyphens', check: 'open-vocab-format' },
  STIX_KILL_CHAIN_NAME: { severity: 'warning', description: 'kill_chain_name / phase_name should be lowercase with hyphens', check: 'kill-chain-names' },
  STIX_OBSERVABLE_OBJECT_KEYS: { severity: 'warning', description: "observed-data 'objects' keys should be non-negative integers", check: 'observable-object-keys' },
  STIX_OBSERVABLE_DICTIONARY_KEYS: { severity: 'warning', description: 'dictionary keys in SCOs should be lowercase', check: 'observable-dictionary-keys' },
  STIX_MALWARE_ANALYSIS_PRODUCT: { severity: 'warning', description: 'malware-analysis product should be lowercase words joined by hyphens', check: 'malware-analysis-product' },
  STIX_WINDOWS_PRIORITY_FORMAT: { severity: 'warning', description: "windows-process-ext priority should end in '_CLASS'", check: 'windows-process-priority-format' },
  STIX_HASH_KEY_LENGTH: { severity: 'warning', description: 'hash algorithm names should be at most 30 characters', check: 'hash-length' },
  STIX_MARKING_DEFINITION_TYPE: { severity: 'warning', description: "definition_type should be 'statement' or 'tlp'", check: 'marking-definition-type' },
  STIX_RELATIONSHIP_TYPE: { severity: 'warning', description: 'relationship type / source / target is not one the specification suggests', check: 'relationship-types' },
  STIX_DUPLICATE_ID: { severity: 'warning', description: "objects in a bundle with the same id should differ in 'modified'", check: 'duplicate-ids' },
  STIX_OPEN_VOCAB_VALUE: { severity: 'warning', description: 'an open-vocabulary value is not in the suggested vocabulary', check: 'all-vocabs' },
  STIX_HASH_ALGO: { severity: 'warning', description: "a hash algorithm is neither in hash-algorithm-ov nor prefixed 'x_'", check: 'hash-algo' },
  STIX_MIME_TYPE: { severity: 'warning', description: "a MIME type should be an IANA 'type/subtype'", check: 'mime-type' },
  STIX_PROTOCOLS: { severity: 'warning', description: 'network-traffic protocols should be IANA service names', check: 'protocols' },
  STIX_IPFIX: { severity: 'warning', description: 'ipfix keys should be IANA IPFIX element names', check: 'ipfix' },
  STIX_HTTP_REQUEST_HEADERS: { severity: 'warning', description: 'request_header keys should be HTTP request header names', check: 'http-request-headers' },
  STIX_SOCKET_OPTIONS: { severity: 'warning', description: 'socket-ext options keys should be known socket options', check: 'socket-options' },
  STIX_PDF_DOC_INFO: { severity: 'warning', description: 'document_info_dict keys should be PDF Document Information keys', check: 'pdf-doc-info' },
  STIX_COUNTRY_CODE: { severity: 'warning', description: 'location country should be an ISO 3166-1 alpha-2 code', check: 'countries' },
  STIX_NETWORK_TRAFFIC_PORTS: { severity: 'warning', description: 'network-traffic should have both src_port and dst_port', check: 'network-traffic-ports' },
  STIX_EXTREF_HASHES: { severity: 'warning', description: 'an external reference with a url should have hashes', check: 'extref-hashes' },
  STIX_INDICATOR_PROPERTIES: { severity: 'warning', description: 'an indicator should have name and description', check: 'indicator-properties' },
  STIX_DEPRECATED_PROPERTY: { severity: 'warning', description: 'a deprecated property is used', check: 'deprecated-properties' },
  STIX_EXTENSION_DESCRIPTION: { severity: 'warning', description: 'an extension-definition should have a description', check: 'extension-description' },
  STIX_EXTENSION_PROPERTIES: { severity: 'warning', description: 'a toplevel-property-extension definition should list extension_properties', check: 'extension-properties' },
  STIX_PATTERN_NEVER_MATCHES: { severity: 'warning', description: "a comparison in an indicator's pattern can never hold (a literal of another type than its property, or a non-observable object type)" },
  STIX_PATTERN_UNSUPPORTED: { severity: 'warning', description: "an indicator's pattern uses a construct Setu's engine cannot run (a MATCHES regex with a PCRE construct JavaScript lacks): it is stored, but `pattern match` and `scan` refuse it" },
  STIX_EXTENSIONS_USE: { severity: 'warning', description: 'custom objects / properties should be defined through an extension-definition', check: 'extensions-use' },
} as const satisfies Record<string, CodeInfo>;

export type FindingCode = keyof typeof FINDING_CODES;

/** Reference validator check names with their numeric codes; group names expand to their members. */
export const CHECK_NUMBERS = {
  'format-checks': '1', 'custom-prefix': '101', 'custom-prefix-lax': '102', 'uuid-check': '103',
  'open-vocab-format': '111', 'kill-chain-names': '121', 'observable-object-keys': '141',
  'observable-dictionary-keys': '142', 'malware-analysis-product': '143',
  'windows-process-priority-format': '149', 'hash-length': '150', 'approved-values': '2',
  'marking-definition-type': '201', 'relationship-types': '202', 'duplicate-ids': '203', 'all-vocabs': '210',
  'attack-motivation': '211', 'attack-resource-level': '212', 'identity-class': '213', 'indicator-types': '214',
  'industry-sector': '215', 'malware-types': '216', 'report-types': '218', 'threat-actor-types': '219',
  'threat-actor-role': '220', 'threat-actor-sophistication': '221', 'tool-types': '222', 'region': '223',
  'grouping-context': '225', 'implementation-languages': '226', 'infrastructure-types': '227',
  'malware-capabilities': '228', 'processor-architecture': '230', 'malware-result': '231', 'hash-algo': '241',
  'encryption-algo': '242', 'windows-pebinary-type': '243', 'account-type': '244', 'indicator-pattern-types': '245',
  'all-external-sources': '270', 'mime-type': '271', 'protocols': '272', 'ipfix': '273',
  'http-request-headers': '274', 'socket-options': '275', 'pdf-doc-info': '276', 'countries': '277',
  'network-traffic-ports': '301', 'extref-hashes': '302', 'indicator-properties': '303',
  'deprecated-properties': '304', 'extension-description': '305', 'extension-properties': '306',
  'extensions-use': '401',
} as const;

export type CheckName = keyof typeof CHECK_NUMBERS;

/** Which group(s) a check belongs to, so that disabling a group disables its members. */
export function checkGroups(check: string): readonly string[] {
  const n = (CHECK_NUMBERS as Record<string, string>)[check];
  if (n === undefined || n.length < 3) return [];
  const groups: string[] = [];
  if (n.startsWith('1')) groups.push('format-checks');
  if (n.startsWith('2')) groups.push('approved-values');
  const num = Number(n);
  if (num >= 211 && num <= 269) groups.push('all-vocabs');
  if (num >= 271 && num <= 279) groups.push('all-external-sources');
  return groups;
}
