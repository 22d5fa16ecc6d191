// Codes of the practices module ("what to do" for an object, ATT&CK import). The engine returns
// data; the adapters (store loader, CLI) throw these.
export const PRACTICES_ERRORS = {
  SETU_ERR_PRACTICES_UNKNOWN_OBJECT: 'the object asked about does not exist in any collection the reader may read',
} as const;

export type PracticesErrorCode = keyof typeof PRACTICES_ERRORS;
