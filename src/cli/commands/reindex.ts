// `setu reindex`: rebuilds the search indexes (migration 11) of every stored version, in batches
// with a progress bar: for versions stored before the indexes existed, or after a change of what
// is indexed. Searches keep working meanwhile (each batch is its own transaction).
import { withNode } from '../../node/index.js';
import { emit, type CliIo } from '../io.js';
import { startProgress, type Progress } from '../progress.js';

export interface ReindexOptions {
  readonly data: string;
  readonly json: boolean;
}

export interface ReindexResult {
  readonly indexed: number;
}

export async function run(options: ReindexOptions, io: CliIo): Promise<ReindexResult> {
  const indexed = await withNode(options.data, io.clock, async (node) => {
    let bar: Progress | undefined;
    let shown = 0;
    try {
      return await node.store.reindexSearch((done, total) => {
        bar ??= startProgress(io, 'reindex', total, 'versions');
        bar.increment(done - shown);
        shown = done;
      });
    } finally {
      bar?.stop();
    }
  });
  const result = { indexed };
  emit(io, options.json, result, () => `reindexed ${indexed} object versions\n`);
  return result;
}
