// `setu audit verify` with its anchor: the hash chain (access/audit verifyChain), then every
// checkpoint this node recorded of its own log, then, when asked, every checkpoint each Setu peer
// holds for this node. A chain alone cannot show a cut-off tail; a checkpoint kept elsewhere can.
import { checkCheckpoints, checkpointSignatureValid, verifyChain, type AuditCheckpoint, type ChainProblem, type CheckpointProblem } from '../access/audit/index.js';
import type { NodeKey } from '../node/index.js';
import type { AuditEntry, AuditHead, AuditStore, StoredCheckpoint, SyncStore } from '../store/index.js';
import { anchorPeers, type CheckpointClientFactory } from './audit-anchor.js';

const PAGE = 10_000;

export interface PeerAnchor {
  readonly peer: string;
  /** Checkpoints the peer holds for this node (and that this node's key signed). */
  readonly checkpoints: number;
  readonly newest: { readonly count: number; readonly headHash: string; readonly at: string } | null;
  readonly problem: CheckpointProblem | null;
  /** The peer could not be asked, or answered with a checkpoint this node's key did not sign. */
  readonly error: string | null;
}

export interface AnchoredReport {
  readonly ok: boolean;
  /** The chain: entries checked, the head, and its first bad entry. */
  readonly checked: number;
  readonly head: AuditHead | null;
  readonly problem: ChainProblem | null;
  /** This node's own checkpoints. */
  readonly local: { readonly checkpoints: number; readonly problem: CheckpointProblem | null };
  /** One per Setu peer; null when the peers were not asked. */
  readonly peers: readonly PeerAnchor[] | null;
}

export interface VerifyAnchoredOptions {
  readonly store: Pick<AuditStore, 'auditHead' | 'listAudit'>;
  readonly sync: SyncStore;
  readonly nodeKey: NodeKey;
  /** Ask every Setu peer for the checkpoints it holds (needs the network). */
  readonly peers: boolean;
  readonly clientFor: CheckpointClientFactory;
  /** A head recorded earlier (a segment this node exported): the chain must still reach it. */
  readonly expectHead?: AuditHead | undefined;
}

async function wholeLog(store: Pick<AuditStore, 'auditHead' | 'listAudit'>): Promise<AuditEntry[]> {
  const head = await store.auditHead();
  const entries: AuditEntry[] = [];
  for (let next = 1; head !== undefined && next <= head.seq; ) {
    const page = await store.listAudit({ fromSeq: next, toSeq: head.seq, limit: PAGE });
    entries.push(...page);
    const last = page.at(-1);
    if (last === undefined || page.length < PAGE) break;
    next = last.seq + 1;
  }
  return entries;
}

async function ownCheckpoints(sync: SyncStore, nodeId: string): Promise<StoredCheckpoint[]> {
  const found: StoredCheckpoint[] = [];
  for (let after: number | undefined; ; ) {
    const page = await sync.listCheckpoints(nodeId, { afterCount: after, limit: PAGE });
    found.push(...page);
    const last = page.at(-1);
    if (last === undefined || page.length < PAGE) return found;
    after = last.count;
  }
}

export async function verifyAnchored(options: VerifyAnchoredOptions): Promise<AnchoredReport> {
  const entries = await wholeLog(options.store);
  const chain = verifyChain(entries, options.expectHead === undefined ? {} : { expectHead: options.expectHead });
  const nodeId = options.nodeKey.fingerprint;
  const mine = await ownCheckpoints(options.sync, nodeId);
  const local = { checkpoints: mine.length, problem: checkCheckpoints(entries, mine) };
  let peers: PeerAnchor[] | null = null;
  if (options.peers) {
    peers = [];
    for (const peer of await anchorPeers(options.sync)) peers.push(await askPeer(peer.name, options.clientFor(peer), entries, options.nodeKey));
  }
  const ok = chain.ok && local.problem === null && (peers ?? []).every((p) => p.problem === null && p.error === null);
  return { ok, checked: chain.checked, head: chain.head, problem: chain.problem, local, peers };
}

async function askPeer(name: string, client: ReturnType<CheckpointClientFactory>, entries: readonly AuditEntry[], nodeKey: NodeKey): Promise<PeerAnchor> {
  let held: AuditCheckpoint[];
  try {
    held = await client.held(nodeKey.fingerprint);
  } catch (error) {
    return { peer: name, checkpoints: 0, newest: null, problem: null, error: `cannot read the checkpoints ${name} holds: ${(error as Error).message}` };
  } finally {
    await client.close().catch(() => undefined);
  }
  // A peer cannot vouch for a checkpoint this node never signed (nor frame it with one).
  const forged = held.find((c) => !checkpointSignatureValid(c, nodeKey.publicKey));
  const newestOf = held.reduce<AuditCheckpoint | undefined>((a, c) => (a === undefined || c.count >= a.count ? c : a), undefined);
  const newest = newestOf === undefined ? null : { count: newestOf.count, headHash: newestOf.headHash, at: newestOf.at };
  if (forged !== undefined) {
    return { peer: name, checkpoints: held.length, newest, problem: null, error: `${name} holds a checkpoint (count ${forged.count}) that this node's key did not sign` };
  }
  return { peer: name, checkpoints: held.length, newest, problem: checkCheckpoints(entries, held), error: null };
}
