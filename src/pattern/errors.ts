// Error codes thrown by the pattern engine (parse and check findings are returned as data instead).
export const PATTERN_ERROR_CODES = {
  SETU_ERR_PATTERN_INVALID_LITERAL: 'a literal in the pattern cannot be decoded (bad timestamp date, base64, hex)',
  SETU_ERR_PATTERN_INVALID_QUALIFIER: 'a qualifier value cannot be evaluated (WITHIN not positive, REPEATS below 1)',
  SETU_ERR_PATTERN_NONHOMOGENEOUS_SET: 'an IN set mixes literal types other than int and float',
  SETU_ERR_PATTERN_INVALID_REGEX: 'a MATCHES operand is not a regular expression this engine can compile',
  SETU_ERR_PATTERN_INVALID_CIDR: 'an ISSUBSET/ISSUPERSET operand is not an IPv4/IPv6 address or CIDR block',
  SETU_ERR_PATTERN_INVALID_OBSERVED_DATA: 'an observed-data has an unreadable first_observed/last_observed or number_observed < 1',
  SETU_ERR_PATTERN_INVALID_VALUE: 'an observed value cannot be compared as the pattern demands (e.g. a non-timestamp string against t\'...\')',
} as const;

export type PatternErrorCode = keyof typeof PATTERN_ERROR_CODES;

/** Warning codes the checker attaches to findings that do not make a pattern invalid. */
export const PATTERN_WARNING_CODES = {
  UNKNOWN_OBJECT_TYPE: 'the object type is neither a STIX 2.1 SCO nor a custom (x-) type',
  NOT_OBSERVABLE_TYPE: 'observation expressions match only cyber-observable objects, so a STIX domain, relationship or meta object type never matches',
  UNKNOWN_PROPERTY: 'the top-level property is not defined for this STIX 2.1 SCO type',
  NONPOSITIVE_WITHIN: 'WITHIN 0 SECONDS can never be evaluated (the matcher rejects it)',
  ZERO_REPEATS: 'REPEATS 0 TIMES can never be evaluated (the matcher rejects it)',
  EMPTY_START_STOP: 'START is not before STOP, so nothing can match',
  INVALID_TIMESTAMP_DATE: 'a timestamp literal names a date that does not exist',
  NONHOMOGENEOUS_SET: 'an IN set mixes literal types; the matcher rejects it',
  UNSUPPORTED_REGEX: 'a MATCHES operand uses a PCRE construct the JavaScript engine cannot run (the matcher rejects it)',
  LITERAL_TYPE_MISMATCH: 'a literal is not of the type of the property it is compared with, so the comparison never holds',
  INVALID_CIDR: 'an ISSUBSET/ISSUPERSET operand is not an IP address or CIDR block',
} as const;

export type PatternWarningCode = keyof typeof PATTERN_WARNING_CODES;
