// Thrown-error codes of the stix module (validation findings are data, see findings/codes.ts).
export const STIX_ERRORS = {
  SETU_ERR_STIX_NOT_SCO: 'a deterministic id was requested for an object that is not a known SCO type',
  SETU_ERR_STIX_NO_ID_CONTRIBUTORS: 'an SCO has none of its id-contributing properties, so no deterministic id can be computed',
  SETU_ERR_STIX_BAD_TIMESTAMP: 'a value passed to normalizeTimestamp is not an RFC 3339 UTC timestamp',
  SETU_ERR_STIX_2_0_CONTENT: 'STIX 2.0 content where STIX 2.1 is required: `setu import --upgrade-from-2.0` converts it',
} as const;

export type StixErrorCode = keyof typeof STIX_ERRORS;
