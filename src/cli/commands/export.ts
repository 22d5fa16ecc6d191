// `setu export`: writes a collection as one STIX bundle, every version of every object, streamed
// page by page so a large collection never sits in memory whole. Objects are written as the exact
// JSON that was received.
// With `--as ORG` the export is made on that organisation's behalf: the organisation must be able
// to read the collection, the store query selects only what it may read (TLP, RED recipients),
// granular-marked fields it lacks are removed, and the onward rule (access.mayPassOn) decides what
// may go to the destination (`--to ORG2`, default ORG itself); withheld objects are counted, with
// their reasons, on standard error. Without `--as` it is the node's own full export (a backup).
// On behalf of an organisation, every version goes through the outbound path (node.shareObjects,
// the same one `setu share preview` runs): the onward rule over every stored copy, then, for a
// destination outside the node's jurisdiction, the personal-data gate of its profile (redaction,
// submitter pseudonyms, or a hold in the review queue); one inside gets what passes as written. Pseudonymous identities are written once, before the first object naming them.
// The Setu recipients extension-definition is appended when an exported object uses it.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { SETU_RECIPIENTS_EXTENSION, SETU_RECIPIENTS_EXTENSION_ID, canRead, type ShareDecision } from '../../access/index.js';
import { SetuError } from '../../errors/index.js';
import { loadGateConfig, requireCollection, requireOrganisation, shareObjects, withNode, type OpenNode, type ShareItem } from '../../node/index.js';
import { isStixTimestamp, normalizeTimestamp } from '../../stix/index.js';
import type { Store } from '../../store/index.js';
import { UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { startProgress } from '../progress.js';
import { audited } from './audit.js';

export interface ExportOptions {
  readonly data: string;
  readonly collection: string;
  readonly addedAfter?: string | undefined;
  readonly out?: string | undefined;
  /** Export on behalf of this organisation. */
  readonly as?: string | undefined;
  /** The organisation the export is handed to (default: `as`). Needs `as`. */
  readonly to?: string | undefined;
}

export interface ExportResult {
  readonly objects: number;
  /** Versions not sent: those the acting organisation may not read, or that the onward rule or the gate kept back (held ones included), by reason. */
  readonly withheld: number;
  /** Versions the acting organisation may not read (not exported, not counted as withheld). */
  readonly unreadable: number;
  readonly reasons: Readonly<Record<string, number>>;
  /** Review-queue items holding versions back from this export (approve them, then export again). */
  readonly held: readonly string[];
}

const PAGE = 1000;

async function write(sink: Writable | null, io: CliIo, text: string): Promise<void> {
  if (!sink) return io.out(text);
  if (!sink.write(text)) await once(sink, 'drain');
}

/** The organisation on whose behalf the export is made must be able to read the collection. */
async function checkOnBehalf(store: Store, collectionId: string, as: string, to: string): Promise<void> {
  await requireOrganisation(store, as);
  await requireOrganisation(store, to);
  const collection = await requireCollection(store, collectionId);
  const principal = { tokenId: 'cli-export', orgId: as, role: 'reader' as const, communities: await store.communitiesOf(as) };
  if (!canRead(principal, collection)) {
    throw new SetuError('SETU_ERR_NODE_BAD_ARGUMENT', `organisation ${as} may not read collection ${collectionId}`, { field: 'as', value: as });
  }
}

/** Every stored version as the node holds it (its own full export, a backup). */
async function* everything(store: Store, collectionId: string, addedAfter: string | undefined): AsyncGenerator<ShareItem> {
  let afterSeq: number | undefined;
  for (;;) {
    const page = await store.queryObjects({
      collectionId,
      ...(addedAfter === undefined ? {} : { addedAfter }),
      ...(afterSeq === undefined ? {} : { afterSeq }),
      versions: [{ kind: 'all' }],
      limit: PAGE,
      withJson: true,
    });
    for (const r of page.records) {
      const json = r.json ?? 'null';
      const decision: ShareDecision = { outcome: 'send', collectionId, id: r.id, type: r.type, version: r.version, contentHash: '', json, redactions: [], pseudonyms: [], identities: [], kept: [] };
      yield { decision, identities: [] };
    }
    const last = page.records.at(-1);
    if (!page.more || !last) break;
    afterSeq = last.seq;
  }
}

/**
 * How many versions the export walks, for the progress bar: every version of the collection, or
 * with --added-after those added after it (an index-only count, made only when a bar is drawn).
 */
async function versionsToWalk(store: Store, collectionId: string, addedAfter: string | undefined): Promise<number> {
  if (addedAfter === undefined) return store.countObjects(collectionId);
  let count = 0;
  let afterSeq: number | undefined;
  for (;;) {
    const page = await store.queryObjects({ collectionId, addedAfter, ...(afterSeq === undefined ? {} : { afterSeq }), versions: [{ kind: 'all' }], limit: PAGE, withJson: false });
    count += page.records.length;
    const last = page.records.at(-1);
    if (!page.more || !last) return count;
    afterSeq = last.seq;
  }
}

async function versionsToExport(node: OpenNode, options: ExportOptions, addedAfter: string | undefined, io: CliIo, newId: () => string): Promise<AsyncIterable<ShareItem>> {
  if (options.as === undefined) return everything(node.store, options.collection, addedAfter);
  const to = options.to ?? options.as;
  await checkOnBehalf(node.store, options.collection, options.as, to);
  const gate = await loadGateConfig(node.paths.dir, node.info);
  return shareObjects(
    { store: node.store, profile: gate.profile, pseudonymKey: gate.pseudonymKey, clock: io.clock, newId, home: gate.country },
    { to, kind: 'organisation', collections: [options.collection], actor: options.as, addedAfter },
    'send',
  );
}

export async function run(options: ExportOptions, io: CliIo, newId: () => string = randomUUID): Promise<ExportResult> {
  if (options.addedAfter !== undefined && !isStixTimestamp(options.addedAfter)) {
    throw new UsageError(`--added-after must be an RFC 3339 UTC timestamp such as 2026-01-31T00:00:00Z, not ${options.addedAfter}`);
  }
  if (options.to !== undefined && options.as === undefined) throw new UsageError('--to needs --as (the organisation on whose behalf the export is made)');
  const addedAfter = options.addedAfter === undefined ? undefined : normalizeTimestamp(options.addedAfter);
  const exported = (r: ExportResult) => ({
    action: 'export' as const,
    target: { collectionId: options.collection },
    details: { objects: r.objects, withheld: r.withheld, unreadable: r.unreadable, as: options.as ?? null, to: options.to ?? options.as ?? null, addedAfter: addedAfter ?? null, out: options.out ?? null },
  });
  return withNode(options.data, io.clock, audited(io.clock, exported, async (node) => {
    const { store } = node;
    await requireCollection(store, options.collection);
    const versions = await versionsToExport(node, options, addedAfter, io, newId);
    const total = io.interactive ? await versionsToWalk(store, options.collection, addedAfter) : 0;
    const sink = options.out ? createWriteStream(options.out, { encoding: 'utf8' }) : null;
    const progress = startProgress(io, 'exporting', total, 'versions');
    let count = 0;
    let written = 0;
    let withheld = 0;
    // Versions the acting organisation may not read are not its to export: counted apart, so the
    // "may not pass on" count means only what onward rules and the gate kept back.
    let unreadable = 0;
    let usesExtension = false;
    const reasons: Record<string, number> = {};
    const held: string[] = [];
    const emitJson = async (json: string) => {
      await write(sink, io, (written === 0 ? '\n' : ',\n') + json);
      written += 1;
    };
    try {
      await write(sink, io, `{"type":"bundle","id":"bundle--${newId()}","objects":[`);
      for await (const { decision, identities } of versions) {
        progress.increment(1);
        if (decision.outcome === 'withhold' && decision.reasons.some((r) => r.rule === 'not-readable')) {
          unreadable += 1;
          continue;
        }
        if (decision.outcome !== 'send') {
          withheld += 1;
          if (decision.outcome === 'hold' && decision.reviewId !== undefined) held.push(decision.reviewId);
          const first = decision.reasons[0]?.message ?? decision.outcome;
          const reason = decision.outcome === 'hold' ? `held for review: ${first}` : first;
          reasons[reason] = (reasons[reason] ?? 0) + 1;
          continue;
        }
        for (const identity of identities) await emitJson(JSON.stringify(identity));
        usesExtension ||= decision.json.includes(SETU_RECIPIENTS_EXTENSION_ID);
        await emitJson(decision.json);
        count += 1;
      }
      if (usesExtension) await emitJson(JSON.stringify(SETU_RECIPIENTS_EXTENSION));
      await write(sink, io, written === 0 ? ']}\n' : '\n]}\n');
    } finally {
      progress.stop();
      if (sink) {
        sink.end();
        await once(sink, 'close');
      }
    }
    if (options.out) io.err(`exported ${count} object version(s) to ${options.out}\n`);
    if (unreadable > 0) io.err(`skipped ${unreadable} object version(s) that ${options.as ?? ''} may not read\n`);
    if (withheld > 0) {
      io.err(`withheld ${withheld} object version(s) that ${options.as ?? ''} may not pass on to ${options.to ?? options.as ?? ''}:\n`);
      for (const [reason, n] of Object.entries(reasons)) io.err(`  ${n}\t${reason}\n`);
    }
    if (held.length > 0) io.err(`${held.length} version(s) wait in the review queue (setu review list --to ${options.to ?? options.as ?? ''})\n`);
    return { objects: count, withheld, unreadable, reasons, held };
  }));
}
