// Public face of access/gate: the outbound gate every path that moves an object off this node to a
// recipient outside its jurisdiction calls (direct reads, export on behalf of another organisation,
// share preview, federation), with jurisdiction profiles, who is outside, submitter pseudonyms and
// the per-object share decision. Pure: no I/O, no clock.
export { GATE_ERRORS, type GateErrorCode } from './errors.js';
export { GATE_ACTIONS, BUILT_IN_PROFILES, parseProfiles, selectProfile, type GateAction, type JurisdictionProfile, type OutsideList, type ProfileConfig } from './profiles.js';
export { isOutside, type JurisdictionHome, type OrganisationPlace } from './jurisdiction.js';
export { MIN_KEY_BYTES, PSEUDONYM_TIMESTAMP, checkPseudonymKey, pseudonymId, pseudonymIdentity } from './pseudonym.js';
export { redactionLabel } from './redact.js';
export {
  GATE_RULES,
  RELEASES,
  passOutbound,
  type GateReason,
  type GateRule,
  type OutboundOptions,
  type OutboundResult,
  type Pseudonymisation,
  type Redaction,
  type Release,
} from './outbound.js';
export {
  IdentitiesOnce,
  contentHash,
  decideShare,
  notReadable,
  type OnwardVerdict,
  type ReviewVerdict,
  type ShareCandidate,
  type ShareDecision,
  type ShareOptions,
  type ShareReason,
} from './plan.js';
