// Error codes of the outbound gate: profile configuration and the review queue.
export const GATE_ERRORS = {
  SETU_ERR_GATE_BAD_PROFILE: 'a jurisdiction profile (built-in or from DIR/jurisdictions.json) has an unknown kind, action or base profile',
  SETU_ERR_GATE_UNKNOWN_PROFILE: 'the jurisdiction profile named for this node or request does not exist',
  SETU_ERR_GATE_BAD_KEY: 'the pseudonym key is missing or shorter than 32 bytes',
  SETU_ERR_GATE_KEY_INSECURE: 'the pseudonym key file is readable by other users; it must be mode 0600',
  SETU_ERR_GATE_REVIEW_NOT_FOUND: 'no review-queue item with this id',
  SETU_ERR_GATE_REVIEW_DECIDED: 'the review-queue item was already approved or rejected; a decision is final',
} as const;

export type GateErrorCode = keyof typeof GATE_ERRORS;
