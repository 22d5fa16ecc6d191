// network-traffic SCO (section 6.12) with http-request-ext, icmp-ext, socket-ext and tcp-ext.
import { SCO_COMMON } from '../common.js';
import type { TypeSpec } from '../spec.js';

const ADDRESS_REFS = ['ipv4-addr', 'ipv6-addr', 'mac-addr', 'domain-name'] as const;

export const networkTraffic: TypeSpec = {
  type: 'network-traffic',
  category: 'sco',
  properties: {
    ...SCO_COMMON,
    start: { kind: 'timestamp' },
    end: { kind: 'timestamp' },
    is_active: { kind: 'boolean' },
    src_ref: { kind: 'identifier', refs: ADDRESS_REFS },
    dst_ref: { kind: 'identifier', refs: ADDRESS_REFS },
    src_port: { kind: 'integer', min: 0, max: 65535 },
    dst_port: { kind: 'integer', min: 0, max: 65535 },
    protocols: { kind: 'string', list: true, required: true, format: 'protocol' },
    src_byte_count: { kind: 'integer', min: 0 },
    dst_byte_count: { kind: 'integer', min: 0 },
    src_packets: { kind: 'integer', min: 0 },
    dst_packets: { kind: 'integer', min: 0 },
    ipfix: { kind: 'dictionary', format: 'ipfix-keys' },
    src_payload_ref: { kind: 'identifier', refs: ['artifact'] },
    dst_payload_ref: { kind: 'identifier', refs: ['artifact'] },
    encapsulates_refs: { kind: 'identifier', list: true, refs: ['network-traffic'] },
    encapsulated_by_ref: { kind: 'identifier', refs: ['network-traffic'] },
  },
  rules: [
    { rule: 'atLeastOne', props: ['src_ref', 'dst_ref'] },
    { rule: 'laterThan', later: 'end', earlier: 'start', orEqual: true },
    { rule: 'forbiddenWhen', prop: 'end', when: 'is_active', equals: true },
    { rule: 'recommended', props: ['src_port', 'dst_port'], code: 'STIX_NETWORK_TRAFFIC_PORTS' },
  ],
  extensions: {
    'http-request-ext': {
      properties: {
        request_method: { kind: 'string', required: true },
        request_value: { kind: 'string', required: true },
        request_version: { kind: 'string' },
        request_header: { kind: 'dictionary', format: 'http-header-keys' },
        message_body_length: { kind: 'integer', min: 0 },
        message_body_data_ref: { kind: 'identifier', refs: ['artifact'] },
      },
    },
    'icmp-ext': {
      properties: {
        icmp_type_hex: { kind: 'hex', required: true },
        icmp_code_hex: { kind: 'hex', required: true },
      },
    },
    'socket-ext': {
      properties: {
        address_family: { kind: 'string', required: true, enumeration: 'network-socket-address-family-enum' },
        is_blocking: { kind: 'boolean' },
        is_listening: { kind: 'boolean' },
        options: { kind: 'dictionary', values: 'integer', format: 'socket-option-keys' },
        socket_type: { kind: 'string', enumeration: 'network-socket-type-enum' },
        socket_descriptor: { kind: 'integer', min: 0 },
        socket_handle: { kind: 'integer' },
      },
    },
    'tcp-ext': {
      properties: {
        src_flags_hex: { kind: 'hex' },
        dst_flags_hex: { kind: 'hex' },
      },
      rules: [{ rule: 'atLeastOne', props: ['src_flags_hex', 'dst_flags_hex'] }],
    },
  },
  idContributing: ['start', 'end', 'src_ref', 'dst_ref', 'src_port', 'dst_port', 'protocols', 'extensions'],
};
