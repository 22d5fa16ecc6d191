// `setu import`: loads bundles, single objects or JSON-lines files into a collection through the
// same ingest pipeline as TAXII POST. A bundle is written in one transaction; JSON lines are
// written in chunks. Invalid objects are reported one by one and their valid siblings are kept;
// the exit code is 1 when any object was refused.
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { SetuError, isSetuError } from '../../errors/index.js';
import { bytesAt, firstInvalidUtf8, ingest, splitBundle, type IngestEvents } from '../../ingest/index.js';
import type { UpgradeChange } from '../../stix/index.js';
import { nodeOrganisationId, requireCollection, requireOrganisation, withNode } from '../../node/index.js';
import type { CollectionRecord, StatusDetail, Store } from '../../store/index.js';
import { EXIT, ExitError, UsageError } from '../errors.js';
import { emit, type CliIo } from '../io.js';
import { startProgress, type Progress } from '../progress.js';
import { auditSink, collectionWriters, localActor } from '../../access/index.js';
import { writeEvent } from '../../access/audit/index.js';
import { refuseStix20, stix20Step, type Stix20Step } from '../stix20-import.js';

export interface ImportOptions {
  readonly data: string;
  readonly collection: string;
  readonly files: readonly string[];
  /** The organisation the objects are imported on behalf of (their owner); default the node's own. */
  readonly as?: string | undefined;
  /** Convert STIX 2.0 content to 2.1 (reported per object) instead of refusing it. */
  readonly upgradeFrom20?: boolean;
  readonly json: boolean;
}

interface FileOutcome {
  file: string;
  /** Versions new to the collection. */
  stored: number;
  /** Versions the collection already held (same id and modified): a success, as TAXII counts a re-post, but nothing new. */
  alreadyHeld: number;
  failed: StatusDetail[];
  error?: string;
  /** With --upgrade-from-2.0: what the conversion changed, per object. */
  upgraded?: UpgradeChange[];
}

const LINES_PER_TRANSACTION = 1000;

function isJsonLines(file: string, text: string): boolean {
  if (/\.(jsonl|ndjson)$/i.test(file)) return true;
  // A .json file whose first line is a complete JSON value and is followed by more lines.
  const newline = text.indexOf('\n');
  if (newline < 0 || text.slice(newline + 1).trim() === '') return false;
  try {
    JSON.parse(text.slice(0, newline));
    return true;
  } catch {
    return false;
  }
}

/**
 * How many objects a bundle holds, for the progress bar's total: one extra pass of the streaming
 * splitter (nothing is parsed), made only when a bar is drawn. Undefined when the envelope is
 * malformed; the import itself then says why.
 */
function countObjects(text: string): number | undefined {
  let count = 0;
  try {
    for (const _ of bundleOrObject(text)) count += 1;
  } catch {
    return undefined;
  }
  return count;
}

/** Passes the texts through, moving the bar one step per object. */
function* counted(texts: Iterable<string>, progress: Progress): Generator<string> {
  for (const text of texts) {
    progress.increment();
    yield text;
  }
}

/** Raw object texts of a bundle, or of a lone object when the file is a single STIX object. */
function* bundleOrObject(text: string): Generator<string> {
  try {
    yield* splitBundle(text);
  } catch (error) {
    if (!isSetuError(error) || error.code !== 'SETU_ERR_INGEST_BAD_ENVELOPE') throw error;
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value) || (value as { type?: unknown }).type === 'bundle') throw error;
    yield text.trim();
  }
}

async function importFile(store: Store, collectionId: string, orgId: string, file: string, text: string, io: CliIo, newId: () => string, events: IngestEvents, upgradeFrom20 = false): Promise<FileOutcome> {
  const outcome: FileOutcome = { file, stored: 0, alreadyHeld: 0, failed: [] };
  let stix20: Stix20Step | undefined;
  const run = async (rawObjects: Iterable<string>) => {
    // The importing organisation owns what it adds, exactly as a TAXII submitter does, so TLP:RED
    // without named recipients stays readable by it and a re-share of a held object is checked.
    const result = await ingest({ store, collectionId, rawObjects: stix20 === undefined ? rawObjects : stix20(rawObjects), clock: io.clock, newId, events, submitter: { orgId } });
    outcome.stored += result.added.length;
    outcome.alreadyHeld += result.status.successCount - result.added.length;
    outcome.failed.push(...result.status.failures);
    // One audit entry per transaction, in the name of the importing organisation.
    if (result.added.length > 0) await auditSink(store, io.clock).record(writeEvent(localActor(orgId), collectionId, result.status.id, result.added, result.status.failureCount));
  };
  try {
    // STIX 2.0 content is refused before anything of the file is stored, or converted with --upgrade-from-2.0.
    const jsonLines = isJsonLines(file, text);
    if (jsonLines && !upgradeFrom20) refuseStix20(text.split('\n'), (i) => `line ${i + 1}`);
    stix20 = stix20Step(upgradeFrom20, newId, (i) => (jsonLines ? `lines[${i}]` : `objects[${i}]`));
    if (upgradeFrom20) outcome.upgraded = stix20.changes as UpgradeChange[];
    if (!isJsonLines(file, text)) {
      const progress = startProgress(io, file, io.interactive ? (countObjects(text) ?? 0) : 0, 'objects');
      try {
        await run(counted(bundleOrObject(text), progress));
      } finally {
        progress.stop();
      }
      return outcome;
    }
    const lines = text.split('\n');
    const progress = startProgress(io, file, lines.length, 'lines');
    let chunk: string[] = [];
    for (const [index, line] of lines.entries()) {
      progress.increment();
      if (line.trim() === '') continue;
      if (/^\s*\{\s*"type"\s*:\s*"bundle"/.test(line)) {
        await run(bundleOrObject(line));
        continue;
      }
      chunk.push(line);
      if (chunk.length === LINES_PER_TRANSACTION || index === lines.length - 1) {
        await run(chunk);
        chunk = [];
      }
    }
    if (chunk.length > 0) await run(chunk);
    progress.stop();
  } catch (error) {
    if (!isSetuError(error)) throw error;
    outcome.error = error.message;
  }
  return outcome;
}

/**
 * --as ORG writes in ORG's name, so ORG needs the write right a TAXII POST by ORG would need
 * (write organisations or a write community); without --as the node itself imports, as its admin.
 */
async function requireWriter(store: Store, collection: CollectionRecord, orgId: string): Promise<void> {
  if (collectionWriters(collection, await store.listCommunities()).includes(orgId)) return;
  throw new SetuError('SETU_ERR_NODE_ORG_CANNOT_WRITE', `organisation ${orgId} may not write collection ${collection.id}: add it to the collection's write organisations or a write community, or import --as a writer`, { orgId, collectionId: collection.id });
}

function notUtf8(bytes: Buffer, offset: number): string {
  const line = bytes.subarray(0, offset).filter((b) => b === 0x0a).length + 1;
  return `invalid UTF-8 (bytes ${bytesAt(bytes, offset)}) at byte offset ${offset} (line ${line}); nothing from this file was stored`;
}

function upgradedLines(changes: readonly UpgradeChange[] | undefined): string {
  if (changes === undefined || changes.length === 0) return '';
  const objects = new Set(changes.map((c) => c.objectId)).size;
  return `  upgraded from STIX 2.0: ${changes.length} change(s) to ${objects} object(s)\n` + changes.map((c) => `  upgraded ${c.objectId ?? '(no id)'} ${c.path}: ${c.change}\n`).join('');
}

export async function run(options: ImportOptions, io: CliIo, newId: () => string = randomUUID): Promise<FileOutcome[]> {
  const outcomes = await withNode(options.data, io.clock, async ({ store, info, config }) => {
    const collection = await requireCollection(store, options.collection);
    const orgId = (await requireOrganisation(store, options.as ?? nodeOrganisationId(config, info))).id;
    if (options.as !== undefined) await requireWriter(store, collection, orgId);
    const events: IngestEvents = new EventEmitter();
    const results: FileOutcome[] = [];
    for (const file of options.files) {
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (error) {
        throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
      }
      // Decoding would store U+FFFD in place of bytes that are not UTF-8: such a file is not imported.
      const bad = firstInvalidUtf8(bytes);
      if (bad !== -1) {
        results.push({ file, stored: 0, alreadyHeld: 0, failed: [], error: notUtf8(bytes, bad) });
        continue;
      }
      results.push(await importFile(store, options.collection, orgId, file, bytes.toString('utf8'), io, newId, events, options.upgradeFrom20 === true));
    }
    return results;
  });
  const refused = outcomes.reduce((n, o) => n + o.failed.length + (o.error ? 1 : 0), 0);
  emit(io, options.json, { collection: options.collection, files: outcomes }, () =>
    outcomes
      .map((o) => {
        const held = o.alreadyHeld > 0 ? `, ${o.alreadyHeld} already held (same id and modified)` : '';
        const head = o.error ? `${o.file}: NOT IMPORTED: ${o.error}\n` : `${o.file}: ${o.stored} stored${held}, ${o.failed.length} refused\n`;
        return head + upgradedLines(o.upgraded) + o.failed.map((f) => `  refused ${f.id || '(no id)'} ${f.version}: ${f.message ?? ''}\n`).join('');
      })
      .join(''),
  );
  if (refused > 0) throw new ExitError(EXIT.failure, `${refused} object(s) or file(s) were refused`, true);
  return outcomes;
}
