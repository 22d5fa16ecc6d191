// `setu object show|history|related|list|delete`: pivots from the command line. With `--as ORG`
// every read is that organisation's view through the same lens as the API (pivot/): collections it
// may read, the reader predicate in each query, and for an organisation outside the node's
// jurisdiction the outbound gate's served form. Without `--as` it is the node's own view (every
// collection, as written). `--collection ID` narrows the view to one collection. A delete removes
// every version of the object (or one, `--version`) from one collection or from each holding it,
// and is recorded in the audit log as a TAXII delete is (action object.delete, per collection).
import { randomUUID } from 'node:crypto';
import { auditSink, deleteEvent, localActor, type Principal } from '../../access/index.js';
import { foreignReads, loadGateConfig, nodeOrganisationId, requireCollection, requireOrganisation, withNode, type OpenNode } from '../../node/index.js';
import { DEFAULT_RELATED_LIMIT, MAX_RELATED_LIMIT, objectView, openLens, relatedGraph, type Lens, type ObjectView, type RelatedGraph, type ShownVersion, type VersionEntry } from '../../pivot/index.js';
import { isStixTimestamp } from '../../stix/index.js';
import type { VersionSelector } from '../../store/index.js';
import { ExitError, EXIT, UsageError } from '../errors.js';
import { emit, type CliIo } from '../io.js';

/** What every subcommand takes: the node and the output form. */
interface ObjectCommandOptions {
  readonly data: string;
  readonly json: boolean;
}

export interface ObjectReadOptions extends ObjectCommandOptions {
  readonly id: string;
  /** Read as this organisation (default: the node's own view). */
  readonly as?: string | undefined;
  /** Only this collection. */
  readonly collection?: string | undefined;
}

export interface ObjectRelatedOptions extends ObjectReadOptions {
  readonly depth?: string | undefined;
  readonly limit?: string | undefined;
}

export interface ObjectListOptions extends Omit<ObjectReadOptions, 'id' | 'collection'> {
  readonly collection: string;
  readonly type?: readonly string[] | undefined;
  readonly limit?: string | undefined;
}

export interface ObjectDeleteOptions extends Omit<ObjectReadOptions, 'as'> {
  /** Only this version (its modified timestamp); absent: every version. */
  readonly version?: string | undefined;
}

export interface ObjectDeleted {
  readonly id: string;
  /** Versions deleted per collection (collections holding none are not listed). */
  readonly deleted: Readonly<Record<string, number>>;
}

function positive(flag: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1 || n > max) throw new UsageError(`${flag} must be an integer from 1 to ${max}, not ${value}`);
  return n;
}

/** The lens of `--as ORG` (through the outbound gate when it is outside), or the node's own. */
async function lensOf(node: OpenNode, io: CliIo, as: string | undefined, collection: string | undefined): Promise<Lens> {
  if (collection !== undefined) await requireCollection(node.store, collection);
  if (as === undefined) return openLens({ store: node.store }, undefined, { collection });
  await requireOrganisation(node.store, as);
  const gate = await loadGateConfig(node.paths.dir, node.info);
  const reads = foreignReads({ store: node.store, profile: gate.profile, pseudonymKey: gate.pseudonymKey, country: gate.country, clock: io.clock, newId: randomUUID });
  const principal: Principal = { tokenId: 'cli', orgId: as, role: 'reader' };
  return openLens({ store: node.store, foreignReads: reads }, principal, { collection });
}

const notFound = (id: string, as: string | undefined) =>
  new ExitError(EXIT.failure, as === undefined ? `no object ${id} on this node` : `no object ${id} that ${as} may read`);

const versionLine = (v: VersionEntry) => `${v.collectionId}\t${v.version ?? '-'}\t${v.specVersion}\tadded ${v.dateAdded}\n`;

export async function show(options: ObjectReadOptions, io: CliIo): Promise<ObjectView> {
  const view = await withNode(options.data, io.clock, async (node) => objectView(await lensOf(node, io, options.as, options.collection), options.id));
  if (view === undefined) throw notFound(options.id, options.as);
  emit(io, options.json, view, () =>
    `${view.id} (${view.type}) from ${view.collection}; held in ${view.collections.join(', ')}\n` +
    (view.provenance === null ? '' : `provenance: origin ${view.provenance.originNode}, hops ${view.provenance.hops.join(' > ')}\n`) +
    `${JSON.stringify(view.object, null, 2)}\n`,
  );
  return view;
}

export async function history(options: ObjectReadOptions, io: CliIo): Promise<VersionEntry[]> {
  const versions = await withNode(options.data, io.clock, async (node) => (await lensOf(node, io, options.as, options.collection)).versions(options.id));
  if (versions.length === 0) throw notFound(options.id, options.as);
  emit(io, options.json, versions, () => versions.map(versionLine).join(''));
  return versions;
}

export async function related(options: ObjectRelatedOptions, io: CliIo): Promise<RelatedGraph> {
  const depth = positive('--depth', options.depth, 1, 2) as 1 | 2;
  const limit = positive('--limit', options.limit, DEFAULT_RELATED_LIMIT, MAX_RELATED_LIMIT);
  const graph = await withNode(options.data, io.clock, async (node) => relatedGraph(await lensOf(node, io, options.as, options.collection), options.id, depth, limit));
  if (graph === undefined) throw notFound(options.id, options.as);
  emit(io, options.json, graph, () =>
    graph.nodes.map((n) => `node\t${n.depth}\t${n.id}\t${n.name ?? ''}\n`).join('') +
    graph.edges.map((e) => `edge\t${e.kind}\t${e.source}\t${e.label}\t${e.target}${e.via === undefined ? '' : `\tvia ${e.via}`}\n`).join('') +
    (graph.truncated ? `(cut at ${limit} nodes: --limit)\n` : ''),
  );
  return graph;
}

export async function list(options: ObjectListOptions, io: CliIo): Promise<ShownVersion[]> {
  const limit = positive('--limit', options.limit, 100, 10_000);
  const shown = await withNode(options.data, io.clock, async (node) => {
    const lens = await lensOf(node, io, options.as, options.collection);
    if (!lens.collections.includes(options.collection)) throw new ExitError(EXIT.failure, `${options.as ?? 'the node'} may not read collection ${options.collection}`);
    return lens.list(options.collection, { types: options.type, limit });
  });
  const rows = shown.map((s) => ({ id: s.id, type: s.type, version: s.version, specVersion: s.specVersion, dateAdded: s.dateAdded }));
  emit(io, options.json, rows, () => rows.map((r) => `${r.id}\t${r.type}\t${r.version ?? '-'}\tadded ${r.dateAdded}\n`).join('') || 'no objects\n');
  return shown;
}

export async function remove(options: ObjectDeleteOptions, io: CliIo): Promise<ObjectDeleted> {
  if (options.version !== undefined && !isStixTimestamp(options.version)) throw new UsageError(`--version must be an RFC 3339 UTC timestamp, not ${options.version}`);
  const versions: VersionSelector[] = options.version === undefined ? [{ kind: 'all' }] : [{ kind: 'at', timestamp: options.version }];
  const deleted: Record<string, number> = {};
  await withNode(options.data, io.clock, async (node) => {
    const collections = options.collection === undefined ? (await node.store.listCollections()).map((c) => c.id) : [(await requireCollection(node.store, options.collection)).id];
    const sink = auditSink(node.store, io.clock);
    const actor = localActor(nodeOrganisationId(node.config, node.info));
    for (const collectionId of collections) {
      const count = await node.store.deleteObject(collectionId, options.id, { versions });
      if (count === 0) continue;
      deleted[collectionId] = count;
      await sink.record(deleteEvent(actor, collectionId, options.id, versions, undefined, count));
    }
  });
  if (Object.keys(deleted).length === 0) throw new ExitError(EXIT.failure, `no ${options.version === undefined ? 'version' : `version ${options.version}`} of ${options.id} to delete`);
  const result: ObjectDeleted = { id: options.id, deleted };
  emit(io, options.json, result, () => Object.entries(deleted).map(([c, n]) => `deleted ${n} version(s) of ${options.id} from ${c}\n`).join(''));
  return result;
}
