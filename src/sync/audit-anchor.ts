// The audit log's anchor outside the node: sign the head as a checkpoint and keep it, push it to
// every federated Setu peer, and, on the receiving side, keep a peer's checkpoint once its
// signature verifies with the key registered for that peer. What a peer holds is read back by
// `setu audit verify --peers` (audit-verify.ts), so a tail cut off this node's log shows there.
import { checkpointSignatureValid, publicKeyFromText, signCheckpoint, type AuditCheckpoint } from '../access/audit/index.js';
import type { NodeKey } from '../node/index.js';
import type { AuditStore, PeerRecord, SyncStore } from '../store/index.js';
import { createCheckpointClient, type CheckpointClient } from './checkpoint-client.js';
import { isoMicros } from './context.js';

export interface AnchorDeps {
  readonly store: Pick<AuditStore, 'auditHead'>;
  readonly sync: SyncStore;
  readonly nodeKey: NodeKey;
  /** Epoch ms. */
  readonly clock: () => number;
}

/** How a peer's checkpoint client is made (tests hand in others); default over HTTP. */
export type CheckpointClientFactory = (peer: PeerRecord) => CheckpointClient;

export const defaultCheckpointClients = (timeoutMs: number): CheckpointClientFactory => (peer) =>
  createCheckpointClient({ url: peer.url, auth: peer.auth, tls: peer.tls, timeoutMs });

/** Signs the current head and keeps it as one of this node's own checkpoints. */
export async function issueCheckpoint(deps: AnchorDeps): Promise<AuditCheckpoint> {
  const at = isoMicros(deps.clock());
  const checkpoint = signCheckpoint({ head: await deps.store.auditHead(), at, privateKey: deps.nodeKey.privateKey, publicKey: deps.nodeKey.publicKey });
  await deps.sync.recordCheckpoint({ ...stored(checkpoint), peerId: null, receivedAt: at });
  return checkpoint;
}

function stored(c: AuditCheckpoint) {
  return { nodeId: c.nodeId, count: c.count, headHash: c.headHash, at: c.at, signature: c.signature };
}

/** Peers that are Setu nodes (they have a registered key): the ones that keep checkpoints. */
export async function anchorPeers(sync: SyncStore): Promise<PeerRecord[]> {
  return (await sync.listPeers()).filter((p) => p.publicKey !== null);
}

export interface CheckpointPush {
  readonly peer: string;
  readonly ok: boolean;
  /** false: the peer held this checkpoint already; null when the push failed. */
  readonly stored: boolean | null;
  readonly error: string | null;
}

/** Pushes a checkpoint to each of `peers`, one after another; reports each and never throws. */
export async function pushCheckpoint(peers: readonly PeerRecord[], checkpoint: AuditCheckpoint, clientFor: CheckpointClientFactory): Promise<CheckpointPush[]> {
  const results: CheckpointPush[] = [];
  for (const peer of peers) {
    const client = clientFor(peer);
    try {
      const { stored: isNew } = await client.push(checkpoint);
      results.push({ peer: peer.name, ok: true, stored: isNew, error: null });
    } catch (error) {
      results.push({ peer: peer.name, ok: false, stored: null, error: (error as Error).message });
    } finally {
      await client.close().catch(() => undefined);
    }
  }
  return results;
}

export type CheckpointVerdict =
  | { readonly ok: true; readonly stored: boolean; readonly peer: PeerRecord }
  | { readonly ok: false; readonly reason: string };

/**
 * Keeps a checkpoint pushed by a `peer` token of `orgId`: it must name a Setu peer registered for
 * that organisation (by node id) and verify with that peer's key. Anything else is refused.
 */
export async function receiveCheckpoint(sync: SyncStore, orgId: string, checkpoint: AuditCheckpoint, receivedAt: string): Promise<CheckpointVerdict> {
  const peer = (await sync.peersOfOrg(orgId)).find((p) => p.publicKey !== null && p.nodeId === checkpoint.nodeId);
  if (peer === undefined) return { ok: false, reason: `no Setu peer of organisation ${orgId} has node id ${checkpoint.nodeId}` };
  if (!checkpointSignatureValid(checkpoint, publicKeyFromText(peer.publicKey as string))) {
    return { ok: false, reason: `the checkpoint's signature does not verify with the key registered for peer ${peer.name}` };
  }
  const isNew = await sync.recordCheckpoint({ ...stored(checkpoint), peerId: peer.id, receivedAt });
  return { ok: true, stored: isNew, peer };
}
