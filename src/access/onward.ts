// Where an object may go next: the ONE rule used by every path that moves data on a recipient's
// behalf (re-sharing into another collection, export, federation). Pure. DESIGN.md's last column:
//   CLEAR         anywhere
//   GREEN         collections/peers of the same community (the organisations it was shared with
//                 where it is held), never a public collection
//   AMBER         the actor's own organisation and the organisations registered as its clients
//   AMBER+STRICT  the actor's own organisation only
//   RED           nowhere, except to a named recipient, for that recipient alone
// and the owner (author) may share its own objects anywhere. A destination is admitted only when
// EVERY organisation that could read it there is admitted (a public collection: anyone).

import type { TlpLevel } from '../stix/index.js';
import { orgIdentityId } from './identities.js';

/** One stored copy of an object, as the onward rule needs it. */
export interface HeldObject {
  readonly tlp: TlpLevel;
  readonly ownerOrg: string | null;
  /** Identity ids of the RED readers (classify's recipients). */
  readonly recipients: readonly string[];
  /** The organisations of the collection it is held in (its audience, communities expanded). */
  readonly sharedWith: readonly string[];
}

/** The organisation moving the object, with its registered clients. */
export interface Actor {
  readonly orgId: string;
  readonly clients: readonly string[];
}

export type Destination =
  /** A collection: every organisation that may read it, and whether anyone may (public). */
  | { readonly kind: 'collection'; readonly readers: readonly string[]; readonly public: boolean }
  /** An organisation: an export handed to it, or a node of that organisation. */
  | { readonly kind: 'organisation'; readonly orgId: string };

export type OnwardDecision = { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

const ALLOWED: OnwardDecision = { allowed: true };

function readersOf(destination: Destination): readonly string[] {
  return destination.kind === 'collection' ? destination.readers : [destination.orgId];
}

function isPublic(destination: Destination): boolean {
  return destination.kind === 'collection' && destination.public;
}

function deny(reason: string): OnwardDecision {
  return { allowed: false, reason };
}

function outsiders(destination: Destination, admitted: (orgId: string) => boolean): string[] {
  return readersOf(destination).filter((org) => !admitted(org));
}

type Rule = (object: HeldObject, actor: Actor, destination: Destination) => OnwardDecision;

const RULES: Record<TlpLevel, Rule> = {
  clear: () => ALLOWED,
  green: (object, _actor, destination) => {
    if (isPublic(destination)) return deny('TLP:GREEN may not go to a public collection');
    const community = new Set(object.sharedWith);
    if (object.ownerOrg !== null) community.add(object.ownerOrg);
    const out = outsiders(destination, (org) => community.has(org));
    return out.length === 0 ? ALLOWED : deny(`TLP:GREEN stays in its community; ${out.join(', ')} ${out.length === 1 ? 'is' : 'are'} outside it`);
  },
  amber: (_object, actor, destination) => {
    if (isPublic(destination)) return deny('TLP:AMBER may not go to a public collection');
    const out = outsiders(destination, (org) => org === actor.orgId || actor.clients.includes(org));
    return out.length === 0 ? ALLOWED : deny(`TLP:AMBER may reach only ${actor.orgId} and its clients; not ${out.join(', ')}`);
  },
  'amber+strict': (_object, actor, destination) => {
    if (isPublic(destination)) return deny('TLP:AMBER+STRICT may not go to a public collection');
    const out = outsiders(destination, (org) => org === actor.orgId);
    return out.length === 0 ? ALLOWED : deny(`TLP:AMBER+STRICT may reach only ${actor.orgId} itself; not ${out.join(', ')}`);
  },
  red: (object, _actor, destination) => {
    if (destination.kind !== 'organisation') return deny('TLP:RED may not be shared into a collection by a recipient');
    return object.recipients.includes(orgIdentityId(destination.orgId))
      ? ALLOWED
      : deny(`TLP:RED may go only to a named recipient; ${destination.orgId} is not one`);
  },
};

/** Whether `actor` may pass `object` on to `destination`, and if not, why. */
export function mayPassOn(object: HeldObject, actor: Actor, destination: Destination): OnwardDecision {
  if (object.ownerOrg !== null && object.ownerOrg === actor.orgId) return ALLOWED;
  return RULES[object.tlp](object, actor, destination);
}

/** The rule over every stored copy of an object: all of them must admit the destination. */
export function mayPassOnAll(copies: readonly HeldObject[], actor: Actor, destination: Destination): OnwardDecision {
  for (const copy of copies) {
    const decision = mayPassOn(copy, actor, destination);
    if (!decision.allowed) return decision;
  }
  return ALLOWED;
}
