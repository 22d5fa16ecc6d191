// What the push and pull workers share: the stores, the node's identity and gate, the injected
// clock, random source and id source, and the tuning of one exchange.
import type { AuditSink } from '../access/index.js';
import type { GateConfig, NodeKey } from '../node/index.js';
import type { IngestEvents } from '../ingest/index.js';
import type { Store, SyncStore } from '../store/index.js';
import type { BackoffPolicy } from './backoff.js';

export interface SyncLogger {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
}

export interface SyncTuning {
  /** Objects per push request. */
  readonly batchSize: number;
  /** Push requests in flight at once (committed in order). */
  readonly inFlight: number;
  /** `limit` asked of a pulled server per page. */
  readonly pageLimit: number;
  /** Deadline of one HTTP request, ms. */
  readonly timeoutMs: number;
  /** How long a push waits after an 'added' event to gather a batch, ms. */
  readonly pushDelayMs: number;
  /** How often pull subscriptions poll, and push subscriptions re-check their backlog, ms. */
  readonly pollIntervalMs: number;
  readonly backoff: BackoffPolicy;
  /** Status polls of a pending push before the batch is retried. */
  readonly statusPolls: number;
  /**
   * How often a checkpoint of the audit log's head is signed and pushed to every Setu peer (also
   * once at start; a peer that already has the current head is skipped), ms; 0 = never.
   */
  readonly checkpointIntervalMs: number;
}

export const DEFAULT_TUNING: SyncTuning = {
  batchSize: 1000,
  inFlight: 3,
  pageLimit: 1000,
  timeoutMs: 30_000,
  pushDelayMs: 20,
  pollIntervalMs: 5_000,
  backoff: { baseMs: 500, maxMs: 60_000 },
  statusPolls: 10,
  checkpointIntervalMs: 3_600_000,
};

export interface SyncContext {
  readonly store: Store;
  readonly sync: SyncStore;
  readonly gate: GateConfig;
  readonly nodeKey: NodeKey;
  /** This node's id (its key fingerprint). */
  readonly nodeId: string;
  /** Epoch ms. */
  readonly clock: () => number;
  /** In [0, 1). */
  readonly random: () => number;
  readonly newId: () => string;
  readonly audit?: AuditSink | undefined;
  readonly log?: SyncLogger | undefined;
  readonly tuning: SyncTuning;
  /** Where pulled objects are announced ('added'), so they flow on to other peers. */
  readonly events?: IngestEvents | undefined;
  /** Waits `ms` (injected so tests can run a fast schedule). */
  readonly sleep: (ms: number) => Promise<void>;
}

/** Epoch ms -> RFC 3339 with microseconds. */
export function isoMicros(ms: number): string {
  return `${new Date(Math.floor(ms)).toISOString().slice(0, 23)}000Z`;
}
