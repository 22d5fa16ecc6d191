// Per-collection rights, as pure functions of a principal and a collection record.
// node-admin may do everything; everyone else needs their organisation in the collection's
// readOrgs / writeOrgs, or membership of one of its readCommunities / writeCommunities (the
// principal carries its organisation's communities); the reader role never writes. A collection
// on which a principal has neither right is invisible to it (reported exactly as a missing one).

import type { CollectionRecord, Community } from '../store/index.js';
import type { Principal } from './principal.js';

type CollectionAudience = Pick<CollectionRecord, 'readOrgs' | 'writeOrgs' | 'readCommunities' | 'writeCommunities'>;

function inCommunity(principal: Principal, communities: readonly string[] | undefined): boolean {
  return communities !== undefined && principal.communities !== undefined && communities.some((c) => principal.communities?.includes(c));
}

export function canRead(principal: Principal, collection: CollectionAudience): boolean {
  if (principal.role === 'node-admin') return true;
  return collection.readOrgs.includes(principal.orgId) || inCommunity(principal, collection.readCommunities);
}

export function canWrite(principal: Principal, collection: CollectionAudience): boolean {
  if (principal.role === 'node-admin') return true;
  if (principal.role === 'reader') return false;
  return collection.writeOrgs.includes(principal.orgId) || inCommunity(principal, collection.writeCommunities);
}

/** True when the principal may know the collection exists (it can read or write it). */
export function canSee(principal: Principal, collection: CollectionAudience): boolean {
  return canRead(principal, collection) || canWrite(principal, collection);
}

function expand(orgs: readonly string[], communityIds: readonly string[] | undefined, communities: readonly Community[]): string[] {
  const out = new Set(orgs);
  for (const id of communityIds ?? []) for (const member of communities.find((c) => c.id === id)?.members ?? []) out.add(member);
  return [...out];
}

/** Every organisation that may read the collection (its read organisations and read communities' members). */
export function collectionReaders(collection: CollectionAudience, communities: readonly Community[]): string[] {
  return expand(collection.readOrgs, collection.readCommunities, communities);
}

/** Every organisation that may write to the collection. */
export function collectionWriters(collection: CollectionAudience, communities: readonly Community[]): string[] {
  return expand(collection.writeOrgs, collection.writeCommunities, communities);
}
