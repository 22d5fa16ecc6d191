// Per-collection rights, as pure functions of a principal and a collection record.
// node-admin may do everything; everyone else needs their organisation in the collection's
// readOrgs / writeOrgs; the reader role never writes. A collection on which a principal has
// neither right is invisible to it (reported exactly as a missing one).

import type { CollectionRecord } from '../store/index.js';
import type { Principal } from './principal.js';

type CollectionAudience = Pick<CollectionRecord, 'readOrgs' | 'writeOrgs'>;

export function canRead(principal: Principal, collection: CollectionAudience): boolean {
  if (principal.role === 'node-admin') return true;
  return collection.readOrgs.includes(principal.orgId);
}

export function canWrite(principal: Principal, collection: CollectionAudience): boolean {
  if (principal.role === 'node-admin') return true;
  if (principal.role === 'reader') return false;
  return collection.writeOrgs.includes(principal.orgId);
}

/** True when the principal may know the collection exists (it can read or write it). */
export function canSee(principal: Principal, collection: CollectionAudience): boolean {
  return canRead(principal, collection) || canWrite(principal, collection);
}
