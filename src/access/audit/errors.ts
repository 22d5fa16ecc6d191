// Error codes of the audit log: keys and segments that cannot be read or trusted, and export
// ranges that select nothing. A chain that fails verification is a report (data), not an error.
export const AUDIT_ERRORS = {
  SETU_ERR_AUDIT_KEY_INVALID: 'a node or partner key is not a readable Ed25519 key (PEM, or base64 of the 32 raw bytes)',
  SETU_ERR_AUDIT_KEY_INSECURE: 'the node private key file is readable by other users; it must be mode 0600',
  SETU_ERR_AUDIT_SEGMENT_INVALID: 'an audit segment file is not JSON of the setu-audit-segment/1 shape',
  SETU_ERR_AUDIT_CHECKPOINT_INVALID: 'an audit checkpoint is not of the setu-audit-checkpoint/1 shape (the error names the field and the rule)',
  SETU_ERR_AUDIT_EMPTY_RANGE: 'the requested audit range holds no entries, so there is nothing to export',
} as const;

export type AuditErrorCode = keyof typeof AUDIT_ERRORS;
