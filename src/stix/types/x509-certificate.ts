// x509-certificate SCO (section 6.18) with x509-v3-extensions-type.
import { SCO_COMMON } from '../common.js';
import type { PropertyTable, TypeSpec } from '../spec.js';

const V3_EXTENSIONS: PropertyTable = {
  basic_constraints: { kind: 'string' },
  name_constraints: { kind: 'string' },
  policy_constraints: { kind: 'string' },
  key_usage: { kind: 'string' },
  extended_key_usage: { kind: 'string' },
  subject_key_identifier: { kind: 'string' },
  authority_key_identifier: { kind: 'string' },
  subject_alternative_name: { kind: 'string' },
  issuer_alternative_name: { kind: 'string' },
  subject_directory_attributes: { kind: 'string' },
  crl_distribution_points: { kind: 'string' },
  inhibit_any_policy: { kind: 'string' },
  private_key_usage_period_not_before: { kind: 'timestamp' },
  private_key_usage_period_not_after: { kind: 'timestamp' },
  certificate_policies: { kind: 'string' },
  policy_mappings: { kind: 'string' },
};

export const x509Certificate: TypeSpec = {
  type: 'x509-certificate',
  category: 'sco',
  properties: {
    ...SCO_COMMON,
    is_self_signed: { kind: 'boolean' },
    hashes: { kind: 'hashes' },
    version: { kind: 'string' },
    serial_number: { kind: 'string' },
    signature_algorithm: { kind: 'string' },
    issuer: { kind: 'string' },
    validity_not_before: { kind: 'timestamp' },
    validity_not_after: { kind: 'timestamp' },
    subject: { kind: 'string' },
    subject_public_key_algorithm: { kind: 'string' },
    subject_public_key_modulus: { kind: 'string' },
    subject_public_key_exponent: { kind: 'integer' },
    // Section 6.18.2: an X.509 v3 extensions value MUST contain at least one of its properties.
    x509_v3_extensions: { kind: 'object', properties: V3_EXTENSIONS, rules: [{ rule: 'atLeastOne', props: Object.keys(V3_EXTENSIONS) }] },
  },
  rules: [
    { rule: 'laterThan', later: 'validity_not_after', earlier: 'validity_not_before', orEqual: true },
    { rule: 'special', check: 'sco-has-specific-property' },
  ],
  idContributing: ['hashes', 'serial_number'],
};
