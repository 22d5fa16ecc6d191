// Who is making a request: the token that authenticated it, the organisation it belongs to and its
// role. Everything access/ decides is a pure function of a principal and the data it asks about.

import type { Role } from '../store/index.js';

export interface Principal {
  readonly tokenId: string;
  readonly orgId: string;
  readonly role: Role;
  /** The person acting, when a session or a personal token authenticated the request (src/users). */
  readonly userId?: string;
  /**
   * The communities the organisation belongs to, when the caller loaded them (collections whose
   * audience is a community need them; without them only direct organisation rights count).
   */
  readonly communities?: readonly string[];
}
