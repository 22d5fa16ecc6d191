// `setu collection create|list`: TAXII collections, each a sharing channel with an audience.
import { randomUUID } from 'node:crypto';
import { createCollection, withNode } from '../../node/index.js';
import { emit, type CliIo } from '../io.js';

export interface CollectionCreateOptions {
  readonly data: string;
  readonly title: string;
  readonly description?: string | undefined;
  readonly alias?: string | undefined;
  readonly read: readonly string[];
  readonly write: readonly string[];
  readonly json: boolean;
}

export async function create(options: CollectionCreateOptions, io: CliIo, newId: () => string = randomUUID) {
  const collection = await withNode(options.data, io.clock, ({ store }) =>
    createCollection(
      store,
      { title: options.title, description: options.description, alias: options.alias, readOrgs: options.read, writeOrgs: options.write },
      io.clock,
      newId,
    ),
  );
  emit(io, options.json, collection, () => `${collection.id}\n`);
  return collection;
}

export async function list(options: { readonly data: string; readonly json: boolean }, io: CliIo) {
  const collections = await withNode(options.data, io.clock, ({ store }) => store.listCollections());
  emit(io, options.json, collections, () =>
    collections
      .map((c) => `${c.id}\t${c.title}\tread: ${c.readOrgs.join(',') || '-'}\twrite: ${c.writeOrgs.join(',') || '-'}\n`)
      .join('') || 'no collections\n',
  );
  return collections;
}
