// `setu audit verify|export|key|list|checkpoint`: checks the node's hash-chained audit log
// against its own checkpoints and, with --peers, those its peers hold (or a partner's signed
// segment, offline), writes signed segments for partners, shows the node's public key, lists
// entries, and signs (and pushes) a checkpoint of the head. Also `recordLocal`, which the other
// commands use to record what an operator did.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { auditSink, localActor, type AuditEvent } from '../../access/index.js';
import { parseSegment, publicKeyFromText, signSegment, verifySegment, type AuditCheckpoint, type CheckpointProblem, type SegmentReport } from '../../access/audit/index.js';
import { ensureNodeKey, nodeOrganisationId, withNode, type OpenNode } from '../../node/index.js';
import {
  anchorPeers,
  defaultCheckpointClients,
  issueCheckpoint,
  openNodeSync,
  pushCheckpoint,
  verifyAnchored,
  type CheckpointClientFactory,
  type CheckpointPush,
  type PeerAnchor,
} from '../../sync/index.js';
import type { AuditEntry, AuditStore } from '../../store/index.js';
import { EXIT, ExitError, UsageError } from '../errors.js';
import { emit, type CliIo } from '../io.js';

const PAGE = 10_000;
/** Deadline of one request to a peer (a checkpoint push, or reading what it holds), ms. */
const PEER_TIMEOUT_MS = 30_000;

/** Records what a local operator did (the actor is the node's own organisation, channel cli). */
export async function recordLocal(node: Pick<OpenNode, 'store' | 'info' | 'config'>, clock: () => number, event: Omit<AuditEvent, 'actor'>): Promise<AuditEntry> {
  return auditSink(node.store, clock).record({ ...event, actor: localActor(nodeOrganisationId(node.config, node.info)) });
}

/** Wraps a withNode callback so that, once it succeeds, the event built from its result is recorded. */
export function audited<T>(clock: () => number, eventOf: (result: T) => Omit<AuditEvent, 'actor'>, work: (node: OpenNode) => Promise<T>): (node: OpenNode) => Promise<T> {
  return async (node) => {
    const result = await work(node);
    await recordLocal(node, clock, eventOf(result));
    return result;
  };
}

async function readRange(store: AuditStore, fromSeq: number, toSeq: number): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  for (let next = fromSeq; next <= toSeq; ) {
    const page = await store.listAudit({ fromSeq: next, toSeq, limit: PAGE });
    entries.push(...page);
    const last = page.at(-1);
    if (last === undefined || page.length < PAGE) break;
    next = last.seq + 1;
  }
  return entries;
}

function seqFlag(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`${name} must be a positive integer, not ${value}`);
  return n;
}

export interface VerifyOptions {
  readonly data: string;
  /** A partner's segment file: verified offline against --public-key (no data directory needed). */
  readonly segment?: string | undefined;
  /** The partner's public key: a PEM file, PEM text, or base64 of the 32 raw bytes. */
  readonly publicKey?: string | undefined;
  /** A segment this node exported earlier: the log must still hold it exactly (catches cut-off tails). */
  readonly against?: string | undefined;
  /** Also ask every Setu peer for the checkpoints it holds of this node's log. */
  readonly peers?: boolean | undefined;
  readonly json: boolean;
  /** How a peer is asked (tests hand in others); default over HTTP. */
  readonly clientFor?: CheckpointClientFactory | undefined;
}

export interface VerifyResult {
  readonly ok: boolean;
  readonly kind: 'log' | 'segment';
  readonly checked: number;
  readonly head: { readonly seq: number; readonly hash: string } | null;
  readonly problem: { readonly reason: string; readonly seq: number | null; readonly message: string } | null;
  /** The log only: its checkpoints recorded here, and whether the log still holds them. */
  readonly local?: { readonly checkpoints: number; readonly problem: CheckpointProblem | null };
  /** The log with --peers: what each Setu peer holds; null when the peers were not asked. */
  readonly peers?: readonly PeerAnchor[] | null;
}

async function keyArgument(value: string): Promise<string> {
  return existsSync(value) ? readFile(value, 'utf8') : value;
}

async function readSegmentFile(path: string) {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read segment ${path}: ${(error as Error).message}`);
  }
  return parseSegment(text);
}

export async function verify(options: VerifyOptions, io: CliIo): Promise<VerifyResult> {
  let result: VerifyResult;
  if (options.segment !== undefined) {
    if (options.publicKey === undefined) throw new UsageError('--segment needs --public-key (the partner node\'s key, obtained from them directly)');
    const segment = await readSegmentFile(options.segment);
    const report: SegmentReport = verifySegment(segment, publicKeyFromText(await keyArgument(options.publicKey)));
    result = { ok: report.ok, kind: 'segment', checked: report.entries, head: report.ok ? { seq: segment.toSeq, hash: segment.headHash } : null, problem: report.problem };
  } else {
    if (options.publicKey !== undefined) throw new UsageError('--public-key is only used with --segment');
    result = await withNode(options.data, io.clock, async (node) => {
      const nodeKey = await ensureNodeKey(node.paths.dir);
      let expectHead: { seq: number; hash: string } | undefined;
      if (options.against !== undefined) {
        const earlier = await readSegmentFile(options.against);
        const signed = verifySegment(earlier, nodeKey.publicKey);
        if (!signed.ok) throw new ExitError(EXIT.failure, `${options.against} is not a valid segment of this node: ${signed.problem?.message ?? ''}`);
        expectHead = { seq: earlier.toSeq, hash: earlier.headHash };
      }
      const sync = await openNodeSync(node, io.clock);
      try {
        const report = await verifyAnchored({
          store: node.store,
          sync,
          nodeKey,
          peers: options.peers === true,
          clientFor: options.clientFor ?? defaultCheckpointClients(PEER_TIMEOUT_MS),
          expectHead,
        });
        return { ok: report.ok, kind: 'log' as const, checked: report.checked, head: report.head, problem: report.problem, local: report.local, peers: report.peers };
      } finally {
        await sync.close();
      }
    });
  }
  emit(io, options.json, result, () => describe(result));
  if (!result.ok) throw new ExitError(EXIT.failure, describe(result), true);
  return result;
}

function describe(r: VerifyResult): string {
  const what = r.kind === 'log' ? 'audit log' : 'audit segment';
  const chain =
    r.problem === null
      ? `${what} intact: ${r.checked} entr${r.checked === 1 ? 'y' : 'ies'}${r.head ? `, head ${r.head.seq} ${r.head.hash}` : ''}\n`
      : `${what} FAILED verification at entry ${r.problem.seq ?? '?'}: ${r.problem.reason}: ${r.problem.message}\n`;
  const local =
    r.local === undefined
      ? ''
      : r.local.problem === null
        ? `checkpoints recorded here: ${r.local.checkpoints}, all held by the log\n`
        : `checkpoint FAILED: ${r.local.problem.reason}: ${r.local.problem.message}\n`;
  const peers = (r.peers ?? []).map((p) => {
    if (p.error !== null) return `peer ${p.peer}: FAILED: ${p.error}\n`;
    if (p.problem !== null) return `peer ${p.peer}: checkpoint FAILED: ${p.problem.reason}: ${p.problem.message}\n`;
    return `peer ${p.peer}: ${p.checkpoints} checkpoint(s), all held by the log${p.newest === null ? '' : ` (newest: ${p.newest.count} entries at ${p.newest.at})`}\n`;
  });
  const none = r.peers !== undefined && r.peers !== null && r.peers.length === 0 ? 'no Setu peers to ask (register one with `setu peer add --public-key`)\n' : '';
  return chain + local + peers.join('') + none;
}

export interface CheckpointOptions {
  readonly data: string;
  /** Also push it to every Setu peer. */
  readonly push: boolean;
  readonly json: boolean;
  /** How a peer is reached (tests hand in others); default over HTTP. */
  readonly clientFor?: CheckpointClientFactory | undefined;
}

export interface CheckpointResult {
  readonly checkpoint: AuditCheckpoint;
  /** One per Setu peer with --push (empty without it). */
  readonly pushes: readonly CheckpointPush[];
}

/**
 * Signs a checkpoint of the log's head and keeps it here; with --push, sends it to every Setu
 * peer. Exits 1 when a push failed (the checkpoint is kept here all the same).
 */
export async function checkpoint(options: CheckpointOptions, io: CliIo): Promise<CheckpointResult> {
  const result = await withNode(options.data, io.clock, async (node) => {
    const nodeKey = await ensureNodeKey(node.paths.dir);
    const sync = await openNodeSync(node, io.clock);
    try {
      const signed = await issueCheckpoint({ store: node.store, sync, nodeKey, clock: io.clock });
      const pushes = options.push ? await pushCheckpoint(await anchorPeers(sync), signed, options.clientFor ?? defaultCheckpointClients(PEER_TIMEOUT_MS)) : [];
      return { checkpoint: signed, pushes };
    } finally {
      await sync.close();
    }
  });
  const { checkpoint: c, pushes } = result;
  emit(io, options.json, result, () =>
    [
      `checkpoint: ${c.count} entries, head ${c.headHash}, signed at ${c.at} by node ${c.nodeId}\n`,
      ...pushes.map((p) => (p.ok ? `pushed to ${p.peer}${p.stored === false ? ' (it held this one already)' : ''}\n` : `push to ${p.peer} FAILED: ${p.error ?? ''}\n`)),
      options.push && pushes.length === 0 ? 'no Setu peers to push to (register one with `setu peer add --public-key`)\n' : '',
    ].join(''),
  );
  const failed = pushes.filter((p) => !p.ok);
  if (failed.length > 0) throw new ExitError(EXIT.failure, `the checkpoint is kept here, but pushing it failed for ${failed.map((p) => p.peer).join(', ')}`, true);
  return result;
}

export interface ExportOptions {
  readonly data: string;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly out?: string | undefined;
  readonly json: boolean;
}

/** Writes a signed segment (entries from..to, default the whole log) and records the export. */
export async function exportSegment(options: ExportOptions, io: CliIo) {
  const from = seqFlag('--from', options.from) ?? 1;
  const to = seqFlag('--to', options.to);
  return withNode(options.data, io.clock, async (node) => {
    const head = await node.store.auditHead();
    const last = Math.min(to ?? Number.MAX_SAFE_INTEGER, head?.seq ?? 0);
    const entries = await readRange(node.store, from, last);
    const key = await ensureNodeKey(node.paths.dir);
    const segment = signSegment({
      node: { name: node.info.nodeName, country: node.info.country },
      entries,
      exportedAt: new Date(io.clock()).toISOString(),
      privateKey: key.privateKey,
      publicKey: key.publicKey,
    });
    const text = `${JSON.stringify(segment, null, 2)}\n`;
    if (options.out === undefined) io.out(text);
    else await writeFile(options.out, text, { mode: 0o644 });
    await recordLocal(node, io.clock, { action: 'audit.export', target: { fromSeq: segment.fromSeq, toSeq: segment.toSeq }, details: { headHash: segment.headHash } });
    const summary = { fromSeq: segment.fromSeq, toSeq: segment.toSeq, entries: entries.length, headHash: segment.headHash, fingerprint: key.fingerprint, out: options.out ?? null };
    if (options.out !== undefined) {
      emit(io, options.json, summary, () => `exported audit entries ${summary.fromSeq}-${summary.toSeq} to ${options.out}, signed by key ${key.fingerprint}\n`);
    }
    return summary;
  });
}

/** Shows the node's public key (to give to partners) and its fingerprint (to confirm by phone). */
export async function key(options: { readonly data: string; readonly json: boolean }, io: CliIo) {
  return withNode(options.data, io.clock, async ({ paths }) => {
    const k = await ensureNodeKey(paths.dir);
    const shown = { publicKey: k.publicKeyText, fingerprint: k.fingerprint, publicKeyPem: k.publicKeyPem };
    emit(io, options.json, shown, () => `${k.publicKeyPem}public key: ${k.publicKeyText}\nfingerprint (SHA-256): ${k.fingerprint}\n`);
    return shown;
  });
}

export async function list(options: { readonly data: string; readonly from?: string | undefined; readonly limit?: string | undefined; readonly json: boolean }, io: CliIo) {
  const from = seqFlag('--from', options.from) ?? 1;
  const limit = seqFlag('--limit', options.limit) ?? 100;
  const entries = await withNode(options.data, io.clock, ({ store }) => store.listAudit({ fromSeq: from, limit }));
  emit(io, options.json, entries, () =>
    entries.map((e) => `${e.seq}\t${e.at}\t${e.action}\t${e.actor.orgId ?? '-'}/${e.actor.role ?? '-'}/${e.actor.channel}\t${JSON.stringify(e.target)}\n`).join('') || 'no audit entries\n',
  );
  return entries;
}
