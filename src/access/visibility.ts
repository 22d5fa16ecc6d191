// Who may read: the rule in one pure function, and the read scope handed to the store, which
// applies the same rule as a SQL predicate (the store never filters after fetching). The
// collection-level right (canRead) is checked first; within a readable collection:
//   CLEAR  anyone, anonymous readers of a public collection too
//   GREEN, AMBER, AMBER+STRICT  the collection's audience (any authenticated reader of it)
//   RED    the owner and the named recipient identities only

import type { ReadScope } from '../store/index.js';
import type { TlpLevel } from '../stix/index.js';
import { orgIdentityId } from './identities.js';

export type { ReadScope };

/** The read scope of an organisation, or of an anonymous reader (null). */
export function readScopeOf(orgId: string | null): ReadScope {
  return orgId === null ? { orgId: null, identityId: null } : { orgId, identityId: orgIdentityId(orgId) };
}

export interface ReadFacts {
  readonly ownerOrg: string | null;
  /** Identity ids allowed to read RED (see classify's recipients). */
  readonly recipients: readonly string[];
}

/** Whether a reader who may read the collection may read something marked `level` in it. */
export function mayRead(level: TlpLevel, facts: ReadFacts, reader: ReadScope): boolean {
  if (level === 'clear') return true;
  if (reader.orgId === null) return false;
  if (level !== 'red') return true;
  return reader.orgId === facts.ownerOrg || (reader.identityId !== null && facts.recipients.includes(reader.identityId));
}
