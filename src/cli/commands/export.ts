// `setu export`: writes a collection as one STIX bundle, every version of every object, streamed
// page by page so a large collection never sits in memory whole. Objects are written as the exact
// JSON that was received.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { requireCollection, withNode } from '../../node/index.js';
import { isStixTimestamp, normalizeTimestamp } from '../../stix/index.js';
import { UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { startProgress } from '../progress.js';

export interface ExportOptions {
  readonly data: string;
  readonly collection: string;
  readonly addedAfter?: string | undefined;
  readonly out?: string | undefined;
}

const PAGE = 1000;

async function write(sink: Writable | null, io: CliIo, text: string): Promise<void> {
  if (!sink) return io.out(text);
  if (!sink.write(text)) await once(sink, 'drain');
}

export async function run(options: ExportOptions, io: CliIo, newId: () => string = randomUUID): Promise<{ objects: number }> {
  if (options.addedAfter !== undefined && !isStixTimestamp(options.addedAfter)) {
    throw new UsageError(`--added-after must be an RFC 3339 UTC timestamp such as 2026-01-31T00:00:00Z, not ${options.addedAfter}`);
  }
  const addedAfter = options.addedAfter === undefined ? undefined : normalizeTimestamp(options.addedAfter);
  return withNode(options.data, io.clock, async ({ store }) => {
    await requireCollection(store, options.collection);
    const total = await store.countObjects(options.collection);
    const sink = options.out ? createWriteStream(options.out, { encoding: 'utf8' }) : null;
    const progress = startProgress(io, 'exporting', total);
    let count = 0;
    try {
      await write(sink, io, `{"type":"bundle","id":"bundle--${newId()}","objects":[`);
      let afterSeq: number | undefined;
      for (;;) {
        const page = await store.queryObjects({
          collectionId: options.collection,
          ...(addedAfter === undefined ? {} : { addedAfter }),
          ...(afterSeq === undefined ? {} : { afterSeq }),
          versions: [{ kind: 'all' }],
          limit: PAGE,
          withJson: true,
        });
        for (const record of page.records) {
          await write(sink, io, (count === 0 ? '\n' : ',\n') + record.json);
          count += 1;
        }
        progress.increment(page.records.length);
        const last = page.records.at(-1);
        if (!page.more || !last) break;
        afterSeq = last.seq;
      }
      await write(sink, io, count === 0 ? ']}\n' : '\n]}\n');
    } finally {
      progress.stop();
      if (sink) {
        sink.end();
        await once(sink, 'close');
      }
    }
    if (options.out) io.err(`exported ${count} object version(s) to ${options.out}\n`);
    return { objects: count };
  });
}
