// Error codes of the outbound gate: profile configuration and the review queue.
export const GATE_ERRORS = {
  SETU_ERR_GATE_BAD_PROFILE: 'a jurisdiction profile (built-in or from DIR/jurisdictions.json) has an unknown kind, action or base profile',
  SETU_ERR_GATE_UNKNOWN_PROFILE: 'the jurisdiction profile named for this node or request does not exist',
  SETU_ERR_GATE_BAD_KEY: 'the pseudonym key is missing or shorter than 32 bytes',
  SETU_ERR_GATE_REVIEW_NOT_FOUND: 'no review-queue item with this id',
  SETU_ERR_GATE_REVIEW_DECIDED: 'the review-queue item was already approved or rejected; a decision is final',
  SETU_ERR_GATE_UNKNOWN_DESTINATION: 'a share names a destination that is neither an organisation nor a peer of this node',
} as const;

export type GateErrorCode = keyof typeof GATE_ERRORS;
