// `setu peer add|list|show|remove|status|sync`: federation peers of a node (other Setu nodes or any
// TAXII 2.1 server). Tokens and passwords are stored in the node's database and never printed:
// listings show only the kind of credential. `sync` runs one pass of every subscription (of one
// peer) in this process and exits 1 when any failed.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { ensureNodeKey, loadGateConfig, withNode, type OpenNode } from '../../node/index.js';
import type { PeerAuth, PeerTls, QuarantineItem, SyncStore } from '../../store/index.js';
import { SyncService, addPeer, openNodeSync, parsePair, peerStatuses, peerView, removePeer, requirePeer, type PassResult, type PeerStatus, type PeerView } from '../../sync/index.js';
import { EXIT, ExitError, UsageError } from '../errors.js';
import { recordLocal } from './audit.js';
import { emit, type CliIo } from '../io.js';

async function withSync<T>(data: string, io: CliIo, work: (node: OpenNode, sync: SyncStore) => Promise<T>): Promise<T> {
  return withNode(data, io.clock, async (node) => {
    const sync = await openNodeSync(node, io.clock);
    try {
      return await work(node, sync);
    } finally {
      await sync.close();
    }
  });
}

export interface PeerAddOptions {
  readonly data: string;
  readonly name: string;
  readonly url: string;
  readonly org: string;
  readonly token?: string | undefined;
  /** USER:PASSWORD */
  readonly basic?: string | undefined;
  readonly cert?: string | undefined;
  readonly key?: string | undefined;
  readonly ca?: string | undefined;
  /** The peer node's Ed25519 public key: base64url, PEM text, or a file holding either. */
  readonly publicKey?: string | undefined;
  readonly push?: readonly string[] | undefined;
  readonly pull?: readonly string[] | undefined;
  readonly json: boolean;
}

function authOf(options: PeerAddOptions): PeerAuth {
  if (options.token !== undefined && options.basic !== undefined) throw new UsageError('give either --token or --basic, not both');
  if (options.token !== undefined) return { kind: 'token', token: options.token };
  if (options.basic !== undefined) {
    const at = options.basic.indexOf(':');
    if (at <= 0) throw new UsageError('--basic takes USER:PASSWORD');
    return { kind: 'basic', username: options.basic.slice(0, at), password: options.basic.slice(at + 1) };
  }
  return { kind: 'none' };
}

function tlsOf(options: PeerAddOptions): PeerTls | null {
  if ((options.cert === undefined) !== (options.key === undefined)) throw new UsageError('--cert and --key go together (the client certificate for mutual TLS)');
  const tls: { certFile?: string; keyFile?: string; caFile?: string } = {};
  for (const [field, file] of [['certFile', options.cert], ['keyFile', options.key], ['caFile', options.ca]] as const) {
    if (file === undefined) continue;
    if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
    tls[field] = file;
  }
  return Object.keys(tls).length === 0 ? null : tls;
}

const keyText = (value: string | undefined) => (value !== undefined && existsSync(value) ? readFileSync(value, 'utf8') : value);

export async function add(options: PeerAddOptions, io: CliIo): Promise<PeerView> {
  const view = await withSync(options.data, io, async (node, sync) => {
    const peer = await addPeer(
      node.store,
      sync,
      {
        name: options.name,
        url: options.url,
        orgId: options.org,
        auth: authOf(options),
        tls: tlsOf(options),
        publicKey: keyText(options.publicKey),
        push: (options.push ?? []).map((p) => parsePair(p, 'push')),
        pull: (options.pull ?? []).map((p) => parsePair(p, 'pull')),
      },
      io.clock,
      randomUUID,
    );
    const added = peerView(peer, await sync.listSubscriptions(peer.id));
    await recordLocal(node, io.clock, { action: 'admin.peer', target: { peerId: peer.id }, details: { change: 'create', peer: added } });
    return added;
  });
  emit(io, options.json, view, () => `peer ${view.name} added (${view.id})\n${describeSubscriptions(view)}`);
  return view;
}

const describeSubscriptions = (view: PeerView) =>
  view.subscriptions.map((s) => (s.direction === 'push' ? `  push ${s.local} -> ${view.name}:${s.remote}\n` : `  pull ${view.name}:${s.remote} -> ${s.local}\n`)).join('');

export async function list(options: { readonly data: string; readonly json: boolean }, io: CliIo): Promise<PeerView[]> {
  const views = await withSync(options.data, io, async (_node, sync) => {
    const subscriptions = await sync.listSubscriptions();
    return (await sync.listPeers()).map((p) => peerView(p, subscriptions));
  });
  emit(io, options.json, views, () =>
    views.length === 0
      ? 'no peers (add one with `setu peer add`)\n'
      : views.map((v) => `${v.name}\t${v.orgId}\t${v.url}\tauth:${v.auth.kind}${v.mutualTls ? '+mtls' : ''}\t${v.nodeId === null ? 'not a Setu node' : `node ${v.nodeId.slice(0, 16)}…`}\n${describeSubscriptions(v)}`).join(''),
  );
  return views;
}

export interface PeerShown {
  readonly peer: PeerView;
  readonly status: PeerStatus;
  readonly quarantine: readonly QuarantineItem[];
}

export async function show(options: { readonly data: string; readonly peer: string; readonly limit?: number | undefined; readonly json: boolean }, io: CliIo): Promise<PeerShown> {
  const shown = await withSync(options.data, io, async (node, sync) => {
    const peer = await requirePeer(sync, options.peer);
    const [status] = await peerStatuses(node.store, sync, io.clock(), peer);
    return { peer: peerView(peer, await sync.listSubscriptions(peer.id)), status: status as PeerStatus, quarantine: await sync.listQuarantine(peer.id, options.limit ?? 50) };
  });
  emit(io, options.json, shown, () =>
    [
      `peer ${shown.peer.name} (${shown.peer.id}) of organisation ${shown.peer.orgId}\n  url ${shown.peer.url}\n  auth ${shown.peer.auth.kind}${shown.peer.mutualTls ? ' + client certificate' : ''}\n`,
      `  ${shown.peer.nodeId === null ? 'not a Setu node (no public key)' : `Setu node ${shown.peer.nodeId}`}\n`,
      describeStatus(shown.status),
      shown.quarantine.length === 0 ? '  quarantine: empty\n' : `  quarantine (${shown.status.quarantined}, newest first):\n`,
      ...shown.quarantine.map((q) => `    ${q.at} ${q.objectId || '(no id)'}: ${q.reason}\n`),
    ].join(''),
  );
  return shown;
}

export async function remove(options: { readonly data: string; readonly peer: string; readonly json: boolean }, io: CliIo): Promise<{ removed: string }> {
  const peer = await withSync(options.data, io, async (node, sync) => {
    const subscriptions = await sync.listSubscriptions();
    const removed = await removePeer(sync, options.peer);
    await recordLocal(node, io.clock, { action: 'admin.peer', target: { peerId: removed.id }, details: { change: 'remove', peer: peerView(removed, subscriptions) } });
    return removed;
  });
  emit(io, options.json, { removed: peer.id }, () => `peer ${peer.name} removed with its subscriptions, cursors and quarantine\n`);
  return { removed: peer.id };
}

function describeStatus(status: PeerStatus): string {
  return status.subscriptions
    .map(
      (s) =>
        `  ${s.direction} ${s.direction === 'push' ? `${s.local} -> ${s.remote}` : `${s.remote} -> ${s.local}`}: ` +
        `lag ${s.lagObjects ?? '?'} objects / ${s.lagSeconds === null ? '?' : `${s.lagSeconds.toFixed(1)} s`}, queue ${s.queueDepth}, moved ${s.transferred}, ` +
        `last success ${s.lastSuccessAt ?? 'never'}${s.lastError === null ? '' : `, last error ${s.lastErrorAt ?? ''}: ${s.lastError}`}\n`,
    )
    .join('');
}

export async function status(options: { readonly data: string; readonly peer?: string | undefined; readonly json: boolean }, io: CliIo): Promise<PeerStatus[]> {
  const statuses = await withSync(options.data, io, async (node, sync) => {
    const only = options.peer === undefined ? undefined : await requirePeer(sync, options.peer);
    return peerStatuses(node.store, sync, io.clock(), only);
  });
  emit(io, options.json, statuses, () => statuses.map((p) => `${p.name} (${p.orgId}), quarantined ${p.quarantined}\n${describeStatus(p)}`).join('') || 'no peers\n');
  return statuses;
}

export async function sync(options: { readonly data: string; readonly peer?: string | undefined; readonly json: boolean }, io: CliIo): Promise<PassResult[]> {
  const results = await withSync(options.data, io, async (node, store) => {
    const only = options.peer === undefined ? undefined : await requirePeer(store, options.peer);
    const service = new SyncService({
      store: node.store,
      sync: store,
      gate: await loadGateConfig(node.paths.dir, node.info),
      nodeKey: await ensureNodeKey(node.paths.dir),
      clock: io.clock,
      newId: randomUUID,
    });
    try {
      return await service.syncNow(only?.id);
    } finally {
      await service.stop();
    }
  });
  emit(io, options.json, results, () =>
    results
      .map((r) =>
        r.ok
          ? r.direction === 'push'
            ? `${r.peer} push: sent ${r.outcome.sent}, passed over ${r.outcome.skipped}, refused by the peer ${r.outcome.refused}\n`
            : `${r.peer} pull: ${r.outcome.committed} committed in ${r.outcome.pages} page(s), ${r.outcome.quarantined} quarantined\n`
          : `${r.peer} ${r.direction}: FAILED: ${r.error}\n`,
      )
      .join('') || 'no subscriptions\n',
  );
  const failed = results.filter((r) => !r.ok).length;
  if (failed > 0) throw new ExitError(EXIT.failure, `${failed} subscription pass(es) failed`, true);
  return results;
}
