// `setu audit verify|export|key|list`: checks the node's hash-chained audit log (or a partner's
// signed segment, offline), writes signed segments for partners, shows the node's public key, and
// lists entries. Also `recordLocal`, which the other commands use to record what an operator did.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { auditSink, localActor, type AuditEvent } from '../../access/index.js';
import { parseSegment, publicKeyFromText, signSegment, verifyChain, verifySegment, type ChainReport, type SegmentReport } from '../../access/audit/index.js';
import { ensureNodeKey, slugify, withNode, type OpenNode } from '../../node/index.js';
import type { AuditEntry, AuditStore } from '../../store/index.js';
import { EXIT, ExitError, UsageError } from '../errors.js';
import { emit, type CliIo } from '../io.js';

const PAGE = 10_000;

/** Records what a local operator did (the actor is the node's own organisation, channel cli). */
export async function recordLocal(node: Pick<OpenNode, 'store' | 'info'>, clock: () => number, event: Omit<AuditEvent, 'actor'>): Promise<AuditEntry> {
  return auditSink(node.store, clock).record({ ...event, actor: localActor(slugify(node.info.nodeName)) });
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
  readonly json: boolean;
}

export interface VerifyResult {
  readonly ok: boolean;
  readonly kind: 'log' | 'segment';
  readonly checked: number;
  readonly head: { readonly seq: number; readonly hash: string } | null;
  readonly problem: { readonly reason: string; readonly seq: number | null; readonly message: string } | null;
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
    result = await withNode(options.data, io.clock, async ({ store, paths }) => {
      const head = await store.auditHead();
      const entries = head === undefined ? [] : await readRange(store, 1, head.seq);
      let expectHead: { seq: number; hash: string } | undefined;
      if (options.against !== undefined) {
        const earlier = await readSegmentFile(options.against);
        const signed = verifySegment(earlier, (await ensureNodeKey(paths.dir)).publicKey);
        if (!signed.ok) throw new ExitError(EXIT.failure, `${options.against} is not a valid segment of this node: ${signed.problem?.message ?? ''}`);
        expectHead = { seq: earlier.toSeq, hash: earlier.headHash };
      }
      const report: ChainReport = verifyChain(entries, expectHead === undefined ? {} : { expectHead });
      return { ok: report.ok, kind: 'log' as const, checked: report.checked, head: report.head, problem: report.problem };
    });
  }
  emit(io, options.json, result, () => describe(result));
  if (!result.ok) throw new ExitError(EXIT.failure, describe(result), true);
  return result;
}

function describe(r: VerifyResult): string {
  const what = r.kind === 'log' ? 'audit log' : 'audit segment';
  if (r.ok) return `${what} intact: ${r.checked} entr${r.checked === 1 ? 'y' : 'ies'}${r.head ? `, head ${r.head.seq} ${r.head.hash}` : ''}\n`;
  return `${what} FAILED verification at entry ${r.problem?.seq ?? '?'}: ${r.problem?.reason ?? ''}: ${r.problem?.message ?? ''}\n`;
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
