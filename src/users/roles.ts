// Roles of people, as pure rules. Access decisions stay the organisation's (TLP, audiences): a
// user's principal is its organisation's, with the user's role; a personal token's scope and a
// mapped SSO role only narrow it.
//
//   rank   role         may
//   3      node-admin   everything on the node (only a node-admin grants it)
//   2      org-admin    its organisation's users, tokens, identity provider
//   1      analyst      read and write its organisation's collections
//   0      reader       read only
import type { Role, UserRole } from '../store/index.js';

export const ROLE_RANK: Readonly<Record<UserRole, number>> = { 'node-admin': 3, 'org-admin': 2, analyst: 1, reader: 0 };

/** The narrower of two roles. */
export function narrowRole(a: UserRole, b: UserRole): UserRole {
  return ROLE_RANK[a] <= ROLE_RANK[b] ? a : b;
}

/** The wider of two roles. */
export function widerRole(a: UserRole, b: UserRole): UserRole {
  return ROLE_RANK[a] >= ROLE_RANK[b] ? a : b;
}

export interface Actor {
  readonly orgId: string;
  readonly role: Role;
}

/** May `actor` manage the people of `orgId`? node-admin: any organisation; org-admin: its own. */
export function mayManageOrg(actor: Actor, orgId: string): boolean {
  return actor.role === 'node-admin' || (actor.role === 'org-admin' && actor.orgId === orgId);
}

/** May `actor` give `role` to a person of `orgId`? Never wider than the actor's own role. */
export function mayGrant(actor: Actor, orgId: string, role: UserRole): boolean {
  if (!mayManageOrg(actor, orgId)) return false;
  return actor.role === 'node-admin' || ROLE_RANK[role] <= ROLE_RANK['org-admin'];
}
