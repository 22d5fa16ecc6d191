// Error codes thrown by detect/ (bad lines and unusable indicators are counted and returned as
// data instead; these mean an operation failed).
export const DETECT_ERROR_CODES = {
  SETU_ERR_DETECT_BAD_MAPPING: 'a field-mapping file is not valid JSON or does not follow the mapping schema',
  SETU_ERR_DETECT_BAD_INDICATORS: 'an indicators file is not a STIX bundle, a list of objects, or one object',
  SETU_ERR_DETECT_UNKNOWN_FORMAT: 'the event format was not given and could not be recognised from the first line',
  SETU_ERR_DETECT_REPORT_FAILED: 'posting sightings to the TAXII server failed (HTTP error or status never completed)',
} as const;

export type DetectErrorCode = keyof typeof DETECT_ERROR_CODES;
