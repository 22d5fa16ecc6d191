// The federation service of a running node: one runner per subscription. Push runners wake on
// the in-process 'added' event (after a short gathering delay, so objects go out within a second,
// batched), pull runners poll; both also run at start (catch-up) and on every poll tick. A failed
// pass is retried with exponential backoff and jitter; its error is kept as the subscription's
// last error. Peers and subscriptions added while the node runs are picked up at the next tick.
// A checkpoint loop signs the audit log's head and pushes it to every Setu peer at start and
// every checkpointIntervalMs (audit-anchor.ts). Clock, random source, timers and sleep are injected.
import { SetuError } from '../errors/index.js';
import type { AuditSink } from '../access/index.js';
import type { GateConfig, NodeKey } from '../node/index.js';
import type { IngestEvents } from '../ingest/index.js';
import type { PeerRecord, Store, Subscription, SyncStore } from '../store/index.js';
import { anchorPeers, defaultCheckpointClients, issueCheckpoint, pushCheckpoint, type CheckpointClientFactory } from './audit-anchor.js';
import { backoffDelay } from './backoff.js';
import { DEFAULT_TUNING, isoMicros, type SyncContext, type SyncLogger, type SyncTuning } from './context.js';
import { pullOnce, type PullOutcome } from './pull.js';
import { pushOnce, type PushOutcome } from './push.js';
import { peerStatuses, type PeerStatus } from './status.js';
import { createTaxiiClient, type TaxiiClient } from './taxii-client.js';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const REAL_TIMERS: Timers = {
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface SyncServiceOptions {
  readonly store: Store;
  readonly sync: SyncStore;
  readonly gate: GateConfig;
  readonly nodeKey: NodeKey;
  readonly clock: () => number;
  readonly random?: () => number;
  readonly newId: () => string;
  readonly audit?: AuditSink | undefined;
  readonly log?: SyncLogger | undefined;
  readonly events?: IngestEvents | undefined;
  readonly tuning?: Partial<SyncTuning> | undefined;
  readonly timers?: Timers;
  /** How a peer's TAXII client is made (tests hand in fakes); default createTaxiiClient. */
  readonly createClient?: (peer: PeerRecord, timeoutMs: number) => TaxiiClient;
  /** How the workers wait between status polls; default a timer from `timers`. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** How a peer's checkpoint client is made; default over HTTP. */
  readonly checkpointClients?: CheckpointClientFactory;
}

export type PassResult =
  | { readonly subscriptionId: string; readonly peer: string; readonly direction: 'push'; readonly ok: true; readonly outcome: PushOutcome }
  | { readonly subscriptionId: string; readonly peer: string; readonly direction: 'pull'; readonly ok: true; readonly outcome: PullOutcome }
  | { readonly subscriptionId: string; readonly peer: string; readonly direction: 'push' | 'pull'; readonly ok: false; readonly error: string };

class Runner {
  private timer: unknown;
  private running: Promise<PassResult> | undefined;
  private again = false;
  private attempt = 0;
  stopped = false;

  constructor(
    private readonly service: SyncService,
    readonly subscriptionId: string,
    readonly peerId: string,
    readonly direction: 'push' | 'pull',
    readonly localCollection: string,
  ) {}

  /** Asks for a pass after `delay` ms (a pass already due or running absorbs it). */
  wake(delay: number): void {
    if (this.stopped) return;
    if (this.running !== undefined) {
      this.again = true;
      return;
    }
    if (this.timer !== undefined) return;
    this.timer = this.service.timers.setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, delay);
  }

  run(): Promise<PassResult> {
    if (this.running !== undefined) {
      this.again = true;
      return this.running;
    }
    if (this.timer !== undefined) {
      this.service.timers.clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.running = this.pass().finally(() => {
      this.running = undefined;
      if (this.again && this.attempt === 0) {
        this.again = false;
        this.wake(this.service.tuning.pushDelayMs);
      }
    });
    return this.running;
  }

  private async pass(): Promise<PassResult> {
    const result = await this.service.runPass(this.subscriptionId);
    if (result.ok) {
      this.attempt = 0;
    } else if (!this.stopped) {
      this.attempt++;
      this.again = false;
      const delay = backoffDelay(this.attempt, this.service.tuning.backoff, this.service.random);
      this.timer = this.service.timers.setTimeout(() => {
        this.timer = undefined;
        void this.run();
      }, delay);
    }
    return result;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) this.service.timers.clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }
}

export class SyncService {
  readonly tuning: SyncTuning;
  readonly timers: Timers;
  readonly random: () => number;
  private readonly ctx: SyncContext;
  private readonly runners = new Map<string, Runner>();
  private readonly clients = new Map<string, TaxiiClient>();
  private tick: unknown;
  private checkpointTimer: unknown;
  private checkpointing: Promise<void> | undefined;
  /** Per peer id, the head (`count hash`) it last acknowledged: unchanged heads are not re-sent. */
  private readonly anchored = new Map<string, string>();
  private started = false;

  constructor(private readonly options: SyncServiceOptions) {
    this.tuning = { ...DEFAULT_TUNING, ...(options.tuning ?? {}) };
    this.timers = options.timers ?? REAL_TIMERS;
    this.random = options.random ?? Math.random;
    this.ctx = {
      store: options.store,
      sync: options.sync,
      gate: options.gate,
      nodeKey: options.nodeKey,
      nodeId: options.nodeKey.fingerprint,
      clock: options.clock,
      random: this.random,
      newId: options.newId,
      audit: options.audit,
      log: options.log,
      events: options.events,
      tuning: this.tuning,
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => this.timers.setTimeout(resolve, ms))),
    };
  }

  /** Loads the subscriptions and starts every runner (catch-up), then polls. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.refresh();
    for (const runner of this.runners.values()) runner.wake(0);
    this.scheduleTick();
  }

  private scheduleCheckpoint(delay: number): void {
    this.checkpointTimer = this.timers.setTimeout(() => {
      this.checkpointTimer = undefined;
      this.checkpointing = this.checkpointPass().then((peers) => {
        this.checkpointing = undefined;
        // With no Setu peer left the loop rests; refresh() starts it again when one is added.
        if (this.started && peers > 0) this.scheduleCheckpoint(this.tuning.checkpointIntervalMs);
      });
    }, delay);
  }

  /**
   * Signs the head and pushes it to each Setu peer that lacks it; answers how many Setu peers
   * there are. Never throws: a failed push is retried next time.
   */
  private async checkpointPass(): Promise<number> {
    let peers: PeerRecord[] = [];
    try {
      const { store, sync } = this.options;
      peers = await anchorPeers(sync);
      const head = await store.auditHead();
      const key = `${head?.seq ?? 0} ${head?.hash ?? ''}`;
      const due = peers.filter((p) => this.anchored.get(p.id) !== key);
      if (due.length === 0) return peers.length;
      const checkpoint = await issueCheckpoint({ store, sync, nodeKey: this.options.nodeKey, clock: this.options.clock });
      const clients = this.options.checkpointClients ?? defaultCheckpointClients(this.tuning.timeoutMs);
      const results = await pushCheckpoint(due, checkpoint, clients);
      for (const [i, result] of results.entries()) {
        const peer = due[i];
        if (peer === undefined) continue;
        if (result.ok) this.anchored.set(peer.id, `${checkpoint.count} ${checkpoint.headHash}`);
        else this.options.log?.warn({ peer: peer.name }, `audit checkpoint push failed: ${result.error ?? ''}`);
      }
    } catch (error) {
      this.options.log?.warn({ err: error }, 'audit checkpoint pass failed');
    }
    return peers.length;
  }

  private scheduleTick(): void {
    this.tick = this.timers.setTimeout(() => {
      void this.refresh()
        .then(() => {
          for (const runner of this.runners.values()) runner.wake(0);
        })
        .catch((error: unknown) => this.options.log?.warn({ err: error }, 'sync: reading the subscriptions failed'))
        .finally(() => {
          if (this.started) this.scheduleTick();
        });
    }, this.tuning.pollIntervalMs);
  }

  async stop(): Promise<void> {
    this.started = false;
    if (this.tick !== undefined) this.timers.clearTimeout(this.tick);
    if (this.checkpointTimer !== undefined) this.timers.clearTimeout(this.checkpointTimer);
    this.checkpointTimer = undefined;
    await this.checkpointing;
    await Promise.all([...this.runners.values()].map((r) => r.stop()));
    this.runners.clear();
    await Promise.all([...this.clients.values()].map((c) => c.close().catch(() => undefined)));
    this.clients.clear();
  }

  /** New local versions: wake the push runners of their collections. */
  notifyAdded(records: readonly { readonly collectionId: string }[]): void {
    if (!this.started) return;
    const collections = new Set(records.map((r) => r.collectionId));
    for (const runner of this.runners.values()) {
      if (runner.direction === 'push' && collections.has(runner.localCollection)) runner.wake(this.tuning.pushDelayMs);
    }
  }

  /** Runs one pass of every subscription (of one peer), now, and reports each. */
  async syncNow(peerId?: string): Promise<PassResult[]> {
    await this.refresh();
    const results: PassResult[] = [];
    for (const runner of this.runners.values()) {
      if (peerId === undefined || runner.peerId === peerId) results.push(await runner.run());
    }
    return results;
  }

  async status(): Promise<PeerStatus[]> {
    return peerStatuses(this.options.store, this.options.sync, this.options.clock());
  }

  private async refresh(): Promise<void> {
    const subscriptions = await this.options.sync.listSubscriptions();
    const live = new Set(subscriptions.map((s) => s.id));
    for (const [id, runner] of this.runners) {
      if (!live.has(id)) {
        await runner.stop();
        this.runners.delete(id);
      }
    }
    const peers = new Set(subscriptions.map((s) => s.peerId));
    for (const [peerId, client] of this.clients) {
      if (!peers.has(peerId)) {
        this.clients.delete(peerId);
        await client.close().catch(() => undefined);
      }
    }
    for (const s of subscriptions) {
      if (!this.runners.has(s.id)) this.runners.set(s.id, new Runner(this, s.id, s.peerId, s.direction, s.localCollection));
    }
    if (!this.started || this.tuning.checkpointIntervalMs <= 0) return;
    const setuPeers = (await anchorPeers(this.options.sync)).length;
    // Checked after the await, so two refreshes at once never start two loops.
    if (setuPeers > 0 && this.started && this.checkpointTimer === undefined && this.checkpointing === undefined) this.scheduleCheckpoint(0);
  }

  private clientFor(peer: PeerRecord): TaxiiClient {
    let client = this.clients.get(peer.id);
    if (client === undefined) {
      client = this.options.createClient?.(peer, this.tuning.timeoutMs) ?? createTaxiiClient({ url: peer.url, auth: peer.auth, tls: peer.tls, timeoutMs: this.tuning.timeoutMs });
      this.clients.set(peer.id, client);
    }
    return client;
  }

  /** One pass of one subscription, recording success or the error on it. Never throws. */
  async runPass(subscriptionId: string): Promise<PassResult> {
    const { sync } = this.options;
    let subscription: Subscription | undefined;
    let peer: PeerRecord | undefined;
    try {
      subscription = (await sync.listSubscriptions()).find((s) => s.id === subscriptionId);
      peer = subscription === undefined ? undefined : await sync.getPeer(subscription.peerId);
      if (subscription === undefined || peer === undefined) throw new SetuError('SETU_ERR_SYNC_UNAVAILABLE', `subscription ${subscriptionId} no longer exists`);
      const client = this.clientFor(peer);
      if (subscription.direction === 'push') {
        const outcome = await pushOnce(this.ctx, peer, subscription, client);
        await sync.updateSubscription(subscriptionId, {
          lastSuccessAt: isoMicros(this.options.clock()),
          ...(outcome.firstRefusal === undefined ? {} : { lastError: `peer refused ${outcome.refused} object(s), e.g. ${outcome.firstRefusal}`, lastErrorAt: isoMicros(this.options.clock()) }),
        });
        return { subscriptionId, peer: peer.name, direction: 'push', ok: true, outcome };
      }
      const outcome = await pullOnce(this.ctx, peer, subscription, client);
      await sync.updateSubscription(subscriptionId, { lastSuccessAt: isoMicros(this.options.clock()) });
      return { subscriptionId, peer: peer.name, direction: 'pull', ok: true, outcome };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.options.log?.warn({ peer: peer?.name, subscription: subscriptionId, code: (error as { code?: unknown }).code }, `sync pass failed: ${message}`);
      await sync.updateSubscription(subscriptionId, { lastError: message, lastErrorAt: isoMicros(this.options.clock()) }).catch(() => undefined);
      return { subscriptionId, peer: peer?.name ?? '?', direction: subscription?.direction ?? 'push', ok: false, error: message };
    }
  }
}
