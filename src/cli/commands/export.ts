// `setu export`: writes a collection as one STIX bundle, every version of every object, streamed
// page by page so a large collection never sits in memory whole. Objects are written as the exact
// JSON that was received.
// With `--as ORG` the export is made on that organisation's behalf: the organisation must be able
// to read the collection, the store query selects only what it may read (TLP, RED recipients),
// granular-marked fields it lacks are removed, and the onward rule (access.mayPassOn) decides what
// may go to the destination (`--to ORG2`, default ORG itself); withheld objects are counted, with
// their reasons, on standard error. Without `--as` it is the node's own full export (a backup).
// The Setu recipients extension-definition is appended when an exported object uses it.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import {
  SETU_RECIPIENTS_EXTENSION,
  SETU_RECIPIENTS_EXTENSION_ID,
  canRead,
  collectionReaders,
  passOn,
  readScopeOf,
  type PassOnContext,
  type ReadScope,
} from '../../access/index.js';
import { SetuError } from '../../errors/index.js';
import { requireCollection, requireOrganisation, withNode } from '../../node/index.js';
import { isStixTimestamp, normalizeTimestamp } from '../../stix/index.js';
import type { ObjectRecord, Store } from '../../store/index.js';
import { UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { startProgress } from '../progress.js';

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
  /** Versions the reader could read but the onward rule kept back, by reason. */
  readonly withheld: number;
  readonly reasons: Readonly<Record<string, number>>;
}

const PAGE = 1000;

async function write(sink: Writable | null, io: CliIo, text: string): Promise<void> {
  if (!sink) return io.out(text);
  if (!sink.write(text)) await once(sink, 'drain');
}

/** What an organisation may receive and pass on; undefined for the node's own export. */
interface OnBehalf {
  readonly reader: ReadScope;
  /** The JSON to export, or the reason the version is withheld. */
  decide(record: ObjectRecord): { readonly json: string } | { readonly reason: string };
}

async function onBehalf(store: Store, collectionId: string, as: string, to: string): Promise<OnBehalf> {
  const org = await requireOrganisation(store, as);
  await requireOrganisation(store, to);
  const collection = await requireCollection(store, collectionId);
  const communities = await store.listCommunities();
  const principal = { tokenId: 'cli-export', orgId: as, role: 'reader' as const, communities: await store.communitiesOf(as) };
  if (!canRead(principal, collection)) {
    throw new SetuError('SETU_ERR_NODE_BAD_ARGUMENT', `organisation ${as} may not read collection ${collectionId}`, { field: 'as', value: as });
  }
  const context: PassOnContext = {
    actor: { orgId: as, clients: org.clients ?? [] },
    destination: { kind: 'organisation', orgId: to },
    sharedWith: collectionReaders(collection, communities),
  };
  return {
    reader: readScopeOf(as),
    decide: (record) => passOn({ json: record.json ?? 'null', tlp: record.tlp ?? 'red', ownerOrg: record.ownerOrg ?? null, hasGranular: record.hasGranular === true }, context),
  };
}

export async function run(options: ExportOptions, io: CliIo, newId: () => string = randomUUID): Promise<ExportResult> {
  if (options.addedAfter !== undefined && !isStixTimestamp(options.addedAfter)) {
    throw new UsageError(`--added-after must be an RFC 3339 UTC timestamp such as 2026-01-31T00:00:00Z, not ${options.addedAfter}`);
  }
  if (options.to !== undefined && options.as === undefined) throw new UsageError('--to needs --as (the organisation on whose behalf the export is made)');
  const addedAfter = options.addedAfter === undefined ? undefined : normalizeTimestamp(options.addedAfter);
  return withNode(options.data, io.clock, async ({ store }) => {
    await requireCollection(store, options.collection);
    const view = options.as === undefined ? undefined : await onBehalf(store, options.collection, options.as, options.to ?? options.as);
    const total = await store.countObjects(options.collection);
    const sink = options.out ? createWriteStream(options.out, { encoding: 'utf8' }) : null;
    const progress = startProgress(io, 'exporting', total);
    let count = 0;
    let withheld = 0;
    let usesExtension = false;
    const reasons: Record<string, number> = {};
    try {
      await write(sink, io, `{"type":"bundle","id":"bundle--${newId()}","objects":[`);
      let afterSeq: number | undefined;
      for (;;) {
        const page = await store.queryObjects({
          collectionId: options.collection,
          ...(addedAfter === undefined ? {} : { addedAfter }),
          ...(afterSeq === undefined ? {} : { afterSeq }),
          ...(view === undefined ? {} : { reader: view.reader }),
          versions: [{ kind: 'all' }],
          limit: PAGE,
          withJson: true,
        });
        for (const record of page.records) {
          const decided = view === undefined ? { json: record.json ?? 'null' } : view.decide(record);
          if ('reason' in decided) {
            withheld += 1;
            reasons[decided.reason] = (reasons[decided.reason] ?? 0) + 1;
            continue;
          }
          usesExtension ||= decided.json.includes(SETU_RECIPIENTS_EXTENSION_ID);
          await write(sink, io, (count === 0 ? '\n' : ',\n') + decided.json);
          count += 1;
        }
        progress.increment(page.records.length);
        const last = page.records.at(-1);
        if (!page.more || !last) break;
        afterSeq = last.seq;
      }
      if (usesExtension) await write(sink, io, (count === 0 ? '\n' : ',\n') + JSON.stringify(SETU_RECIPIENTS_EXTENSION));
      await write(sink, io, count === 0 && !usesExtension ? ']}\n' : '\n]}\n');
    } finally {
      progress.stop();
      if (sink) {
        sink.end();
        await once(sink, 'close');
      }
    }
    if (options.out) io.err(`exported ${count} object version(s) to ${options.out}\n`);
    if (withheld > 0) {
      io.err(`withheld ${withheld} object version(s) that ${options.as ?? ''} may not pass on to ${options.to ?? options.as ?? ''}:\n`);
      for (const [reason, n] of Object.entries(reasons)) io.err(`  ${n}\t${reason}\n`);
    }
    return { objects: count, withheld, reasons };
  });
}
