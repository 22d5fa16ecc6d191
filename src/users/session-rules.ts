// When a session is still good (pure; the time is handed in as epoch milliseconds):
//
//   revoked (signed out, or signed out everywhere)           -> 'revoked'
//   now - createdAt  >= absoluteMinutes                       -> 'absolute-timeout'
//   now - lastSeenAt >= idleMinutes                           -> 'idle-timeout'
//   user disabled                                             -> 'user-disabled'
//   otherwise                                                 -> 'valid'
//
// lastSeenAt is written back at most once a minute (touchDue), so a busy console does not write on
// every request.
import type { SessionRecord, UserRecord } from '../store/index.js';

export interface SessionTimeouts {
  readonly idleMinutes: number;
  readonly absoluteMinutes: number;
}

/** Defaults: 30 minutes idle, 12 hours absolute (OWASP Session Management: 15-30 min idle for high-value apps). */
export const DEFAULT_SESSION_TIMEOUTS: SessionTimeouts = { idleMinutes: 30, absoluteMinutes: 720 };

export type SessionVerdict = 'valid' | 'revoked' | 'absolute-timeout' | 'idle-timeout' | 'user-disabled';

const MINUTE = 60_000;

export function sessionVerdict(session: SessionRecord, user: Pick<UserRecord, 'disabledAt'>, nowMs: number, timeouts: SessionTimeouts): SessionVerdict {
  if (session.revokedAt !== null) return 'revoked';
  if (nowMs - Date.parse(session.createdAt) >= timeouts.absoluteMinutes * MINUTE) return 'absolute-timeout';
  if (nowMs - Date.parse(session.lastSeenAt) >= timeouts.idleMinutes * MINUTE) return 'idle-timeout';
  if (user.disabledAt !== null) return 'user-disabled';
  return 'valid';
}

/** True when lastSeenAt is a minute or more old: time to write it back. */
export function touchDue(session: SessionRecord, nowMs: number): boolean {
  return nowMs - Date.parse(session.lastSeenAt) >= MINUTE;
}
