// `setu collection create|list`: TAXII collections, each a sharing channel with an audience
// (organisations and/or communities, read/write), a default TLP and a public flag.
import { randomUUID } from 'node:crypto';
import { createCollection, withNode } from '../../node/index.js';
import type { CollectionRecord } from '../../store/index.js';
import { emit, type CliIo } from '../io.js';
import { audited } from './audit.js';

export interface CollectionCreateOptions {
  readonly data: string;
  readonly title: string;
  readonly description?: string | undefined;
  readonly alias?: string | undefined;
  readonly read: readonly string[];
  readonly write: readonly string[];
  readonly readCommunities?: readonly string[] | undefined;
  readonly writeCommunities?: readonly string[] | undefined;
  readonly defaultTlp?: string | undefined;
  readonly public?: boolean | undefined;
  readonly json: boolean;
}

export async function create(options: CollectionCreateOptions, io: CliIo, newId: () => string = randomUUID) {
  const collection = await withNode(options.data, io.clock, audited(io.clock, (c: CollectionRecord) => ({ action: 'admin.collection', target: { collectionId: c.id }, details: { change: 'create', collection: c } }), ({ store }) =>
    createCollection(
      store,
      {
        title: options.title,
        description: options.description,
        alias: options.alias,
        readOrgs: options.read,
        writeOrgs: options.write,
        readCommunities: options.readCommunities,
        writeCommunities: options.writeCommunities,
        defaultTlp: options.defaultTlp,
        public: options.public,
      },
      io.clock,
      newId,
    ),
  ));
  emit(io, options.json, collection, () => `${collection.id}\n`);
  return collection;
}

function audience(orgs: readonly string[], communities: readonly string[] | undefined): string {
  return [...orgs, ...(communities ?? []).map((c) => `community:${c}`)].join(',') || '-';
}

function line(c: CollectionRecord): string {
  return (
    `${c.id}\t${c.title}\tread: ${audience(c.readOrgs, c.readCommunities)}\twrite: ${audience(c.writeOrgs, c.writeCommunities)}` +
    `\tdefault TLP:${(c.defaultTlp ?? 'green').toUpperCase()}${c.public ? '\tpublic' : ''}\n`
  );
}

export async function list(options: { readonly data: string; readonly json: boolean }, io: CliIo) {
  const collections = await withNode(options.data, io.clock, ({ store }) => store.listCollections());
  emit(io, options.json, collections, () => collections.map(line).join('') || 'no collections\n');
  return collections;
}
