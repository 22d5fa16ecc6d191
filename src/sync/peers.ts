// Registering peers: validation of what `setu peer add` and POST /api/v1/peers receive, and the
// public view of a peer, which never shows a token or password (only their kind).
import { SetuError } from '../errors/index.js';
import { requireCollection, requireOrganisation } from '../node/index.js';
import type { PeerAuth, PeerRecord, PeerTls, Store, Subscription, SubscriptionRecord, SyncStore } from '../store/index.js';
import { publicKeyFromText, publicKeyText } from '../access/audit/index.js';
import { nodeIdOf } from './signature.js';

export interface CollectionPair {
  readonly local: string;
  readonly remote: string;
}

export interface NewPeer {
  readonly name: string;
  /** TAXII 2.1 discovery URL (or API root URL). */
  readonly url: string;
  /** The organisation that runs the peer. */
  readonly orgId: string;
  readonly auth: PeerAuth;
  readonly tls?: PeerTls | null | undefined;
  /** The peer node's Ed25519 public key (PEM or base64url of 32 bytes) when it is a Setu node. */
  readonly publicKey?: string | null | undefined;
  /** Local collection -> remote collection. */
  readonly push?: readonly CollectionPair[] | undefined;
  /** Remote collection -> local collection. */
  readonly pull?: readonly CollectionPair[] | undefined;
}

/** A peer as listed: credentials reduced to their kind (and Basic user name). */
export interface PeerView {
  readonly id: string;
  readonly name: string;
  readonly url: string;
  readonly orgId: string;
  readonly auth: { readonly kind: PeerAuth['kind']; readonly username?: string };
  readonly mutualTls: boolean;
  readonly publicKey: string | null;
  readonly nodeId: string | null;
  readonly createdAt: string;
  readonly subscriptions: readonly { readonly id: string; readonly direction: string; readonly local: string; readonly remote: string }[];
}

const bad = (field: string, message: string) => new SetuError('SETU_ERR_NODE_BAD_ARGUMENT', message, { field });

function checkUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw bad('url', `"${url}" is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw bad('url', `the peer URL must be http(s), not ${parsed.protocol}`);
  if (parsed.username !== '' || parsed.password !== '') throw bad('url', 'put credentials in --token or --basic, not in the URL');
}

function publicKeyOf(text: string | null | undefined): { publicKey: string | null; nodeId: string | null } {
  if (text === undefined || text === null || text.trim() === '') return { publicKey: null, nodeId: null };
  try {
    // Stored in the compact base64url form whatever was given.
    return { publicKey: compactKey(text), nodeId: nodeIdOf(text) };
  } catch (error) {
    throw bad('publicKey', `the peer public key is not an Ed25519 key: ${(error as Error).message}`);
  }
}

function compactKey(text: string): string {
  return publicKeyText(publicKeyFromText(text));
}

export async function addPeer(store: Store, sync: SyncStore, input: NewPeer, clock: () => number, newId: () => string): Promise<PeerRecord> {
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(input.name)) throw bad('name', 'the peer name must be 1-64 letters, digits, dots, hyphens or underscores');
  checkUrl(input.url);
  await requireOrganisation(store, input.orgId);
  if (input.auth.kind === 'token' && input.auth.token === '') throw bad('token', 'the token must not be empty');
  if (input.auth.kind === 'basic' && (input.auth.username === '' || input.auth.username.includes(':'))) throw bad('basic', 'Basic credentials are USER:PASSWORD');
  const pairs = [...(input.push ?? []).map((p) => ['push', p] as const), ...(input.pull ?? []).map((p) => ['pull', p] as const)];
  for (const [, pair] of pairs) {
    await requireCollection(store, pair.local);
    if (pair.remote.trim() === '') throw bad('remote', 'a remote collection id must not be empty');
  }
  if ((await sync.getPeer(input.name)) !== undefined) throw new SetuError('SETU_ERR_NODE_DUPLICATE', `a peer named ${input.name} exists`, { field: 'name' });
  const createdAt = new Date(clock()).toISOString();
  const tls = input.tls === undefined || input.tls === null || Object.keys(input.tls).length === 0 ? null : input.tls;
  const peer: PeerRecord = { id: newId(), name: input.name, url: input.url, orgId: input.orgId, auth: input.auth, tls, ...publicKeyOf(input.publicKey), createdAt };
  await sync.createPeer(peer);
  for (const [direction, pair] of pairs) {
    const subscription: SubscriptionRecord = { id: newId(), peerId: peer.id, direction, localCollection: pair.local, remoteCollection: pair.remote, createdAt };
    await sync.addSubscription(subscription);
  }
  return peer;
}

export async function requirePeer(sync: SyncStore, idOrName: string): Promise<PeerRecord> {
  const peer = await sync.getPeer(idOrName);
  if (peer === undefined) throw new SetuError('SETU_ERR_NODE_BAD_ARGUMENT', `no peer ${idOrName} (see \`setu peer list\`)`, { field: 'peer', value: idOrName });
  return peer;
}

export async function removePeer(sync: SyncStore, idOrName: string): Promise<PeerRecord> {
  const peer = await requirePeer(sync, idOrName);
  await sync.deletePeer(peer.id);
  return peer;
}

export function peerView(peer: PeerRecord, subscriptions: readonly Subscription[]): PeerView {
  return {
    id: peer.id,
    name: peer.name,
    url: peer.url,
    orgId: peer.orgId,
    auth: peer.auth.kind === 'basic' ? { kind: 'basic', username: peer.auth.username } : { kind: peer.auth.kind },
    mutualTls: peer.tls?.certFile !== undefined,
    publicKey: peer.publicKey,
    nodeId: peer.nodeId,
    createdAt: peer.createdAt,
    subscriptions: subscriptions.filter((s) => s.peerId === peer.id).map((s) => ({ id: s.id, direction: s.direction, local: s.localCollection, remote: s.remoteCollection })),
  };
}

/** Parses "LOCAL:REMOTE" (push) or "REMOTE:LOCAL" (pull) pairs given on the command line. */
export function parsePair(text: string, direction: 'push' | 'pull'): CollectionPair {
  const at = text.indexOf(':');
  if (at <= 0 || at === text.length - 1) throw bad(direction, `--${direction} takes ${direction === 'push' ? 'LOCAL:REMOTE' : 'REMOTE:LOCAL'} collection ids, got "${text}"`);
  const first = text.slice(0, at);
  const second = text.slice(at + 1);
  return direction === 'push' ? { local: first, remote: second } : { remote: first, local: second };
}
