// Public face of sync/: federation with other Setu nodes and any TAXII 2.1 server — peers and
// their subscriptions, the push and pull passes, the running service, provenance and push
// signatures, and per-peer status.
export { SYNC_ERRORS, type SyncErrorCode } from './errors.js';
export { SETU_PROVENANCE_EXTENSION, SETU_PROVENANCE_EXTENSION_ID, chainIncludes, readChain, stamp, type Chain } from './provenance.js';
export { SIGNATURE_HEADER, checkSignature, nodeIdOf, signatureHeader, type SignatureCheck } from './signature.js';
export { DEFAULT_BACKOFF, backoffDelay, type BackoffPolicy } from './backoff.js';
export { DEFAULT_TUNING, type SyncContext, type SyncLogger, type SyncTuning } from './context.js';
export { createTaxiiClient, type ObjectsPage, type PageRequest, type RemoteStatus, type TaxiiClient, type TaxiiClientOptions } from './taxii-client.js';
export { addPeer, parsePair, peerView, removePeer, requirePeer, type CollectionPair, type NewPeer, type PeerView } from './peers.js';
export { pushOnce, type PushOutcome } from './push.js';
export { pullOnce, type PullOutcome } from './pull.js';
export { peerPushHook } from './receive.js';
export { peerStatuses, type PeerStatus, type SubscriptionStatus } from './status.js';
export { SyncService, type PassResult, type SyncServiceOptions, type Timers } from './service.js';
export { openNodeSync } from './open.js';
export { HELD_PAGE, createCheckpointClient, peerApiBase, type CheckpointClient } from './checkpoint-client.js';
export {
  anchorPeers,
  defaultCheckpointClients,
  issueCheckpoint,
  pushCheckpoint,
  receiveCheckpoint,
  type AnchorDeps,
  type CheckpointClientFactory,
  type CheckpointPush,
  type CheckpointVerdict,
} from './audit-anchor.js';
export { verifyAnchored, type AnchoredReport, type PeerAnchor, type VerifyAnchoredOptions } from './audit-verify.js';
