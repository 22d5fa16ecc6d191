// Browser sessions: created at sign-in (the cookie secret and CSRF token are returned once; only
// their hashes are stored), checked on each request (session-rules.ts decides), ended by sign-out
// or sign-out everywhere (every session of the user).
import { SetuError } from '../errors/index.js';
import type { SessionRecord, SignInMethod, UserRecord } from '../store/index.js';
import { isoMicros, type UsersDeps } from './deps.js';
import { randomSecret, sha256 } from './secrets.js';
import { sessionVerdict, touchDue, type SessionTimeouts } from './session-rules.js';

export interface NewSession {
  /** The `setu_session` cookie value. */
  readonly secret: string;
  /** Sent back in the X-Setu-CSRF header of every state-changing request. */
  readonly csrfToken: string;
  readonly record: SessionRecord;
}

export async function startSession(deps: UsersDeps, user: UserRecord, method: SignInMethod): Promise<NewSession> {
  const secret = randomSecret();
  const csrfToken = randomSecret();
  const now = isoMicros(deps.clock());
  const record: SessionRecord = { idHash: sha256(secret), userId: user.id, csrfHash: sha256(csrfToken), createdAt: now, lastSeenAt: now, revokedAt: null, method };
  await deps.store.users.createSession(record);
  return { secret, csrfToken, record };
}

export interface CheckedSession {
  readonly session: SessionRecord;
  readonly user: UserRecord;
}

/**
 * The live session and its user for a cookie secret, or SETU_ERR_USERS_SESSION_EXPIRED. When
 * `csrfToken` is not null the request changes state: the token must be the session's
 * (SETU_ERR_USERS_CSRF otherwise).
 */
export async function checkSession(deps: UsersDeps, secret: string, csrfToken: string | undefined | null, timeouts: SessionTimeouts): Promise<CheckedSession> {
  const session = await deps.store.users.getSession(sha256(secret));
  const user = session === undefined ? undefined : await deps.store.users.getUser(session.userId);
  const now = deps.clock();
  const verdict = session === undefined || user === undefined ? 'unknown' : sessionVerdict(session, user, now, timeouts);
  if (verdict !== 'valid') throw new SetuError('SETU_ERR_USERS_SESSION_EXPIRED', `The session is no longer valid (${verdict}); sign in again.`, { reason: verdict });
  if (csrfToken !== null && (csrfToken === undefined || sha256(csrfToken) !== session!.csrfHash)) {
    throw new SetuError('SETU_ERR_USERS_CSRF', 'A request that changes state with the session cookie must send the session\'s CSRF token in the X-Setu-CSRF header.');
  }
  if (touchDue(session!, now)) await deps.store.users.touchSession(session!.idHash, isoMicros(now));
  return { session: session!, user: user! };
}

export async function endSession(deps: UsersDeps, secret: string): Promise<boolean> {
  return deps.store.users.revokeSession(sha256(secret), isoMicros(deps.clock()));
}

/** Sign-out everywhere: every session of the user ends; returns how many. */
export async function endAllSessions(deps: UsersDeps, userId: string): Promise<number> {
  return deps.store.users.revokeUserSessions(userId, isoMicros(deps.clock()));
}
