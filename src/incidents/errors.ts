// Codes thrown by incidents/: a reporting rule in DIR/jurisdictions.json that cannot be used, and
// incident facts that cannot be read. Clock states are returned data, never thrown.
export const INCIDENTS_ERRORS = {
  SETU_ERR_INCIDENTS_BAD_RULE: 'a reporting rule in jurisdictions.json is malformed (the message names the file, the rule and the field)',
  SETU_ERR_INCIDENTS_BAD_FACTS: 'incident facts are malformed (a timestamp that is not RFC 3339, an unknown incident type, a pause that ends before it starts)',
  SETU_ERR_INCIDENTS_NOT_FOUND: 'no incident with that id in any collection the reader may read',
  SETU_ERR_INCIDENTS_NOT_AN_INCIDENT: 'the object read as a case is not a STIX incident carrying the Setu case extension',
} as const;

export type IncidentsErrorCode = keyof typeof INCIDENTS_ERRORS;
