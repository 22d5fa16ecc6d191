// The token `setu start` (npm start) prints. It is kept in DIR/session-token (mode 0600) and used
// again on the next start while it is live, so restarting does not leave one more live token behind
// each time. A revoked, expired, nearly expired or foreign one is replaced; a file others may read
// is not trusted, and the token it holds is revoked before a new one is minted.
import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hashTokenSecret } from '../access/index.js';
import { issueToken, revokeToken } from '../node/index.js';
import type { Store, TokenRecord } from '../store/index.js';

export const SESSION_TOKEN_FILE = 'session-token';
export const SESSION_TOKEN_LABEL = 'npm start session';
export const SESSION_TOKEN_DAYS = 1;
/** A token with less than this left is replaced, so the printed one lasts the session. */
const MIN_REMAINING_MS = 60 * 60 * 1000;

export interface SessionToken {
  readonly secret: string;
  readonly record: TokenRecord;
  readonly reused: boolean;
}

interface Kept {
  readonly secret: string;
  readonly private: boolean;
}

async function readKept(path: string): Promise<Kept | undefined> {
  try {
    const [info, text] = await Promise.all([stat(path), readFile(path, 'utf8')]);
    return { secret: text.trim(), private: (info.mode & 0o077) === 0 };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function usable(record: TokenRecord | undefined, orgId: string, now: number): record is TokenRecord {
  if (record === undefined || record.revokedAt !== null || record.orgId !== orgId || record.label !== SESSION_TOKEN_LABEL) return false;
  return record.expiresAt === null || Date.parse(record.expiresAt) - now > MIN_REMAINING_MS;
}

/** The session token of the node in `dir` for `orgId`: the kept one while usable, else a new one. */
export async function sessionToken(store: Store, dir: string, orgId: string, clock: () => number, newId: () => string): Promise<SessionToken> {
  const path = join(dir, SESSION_TOKEN_FILE);
  const kept = await readKept(path);
  if (kept !== undefined && kept.secret !== '') {
    const record = await store.findTokenByHash(hashTokenSecret(kept.secret));
    if (kept.private && usable(record, orgId, clock())) return { secret: kept.secret, record, reused: true };
    if (!kept.private && record !== undefined && record.revokedAt === null) await revokeToken(store, record.id, clock);
  }
  const issued = await issueToken(store, { orgId, role: 'analyst', label: SESSION_TOKEN_LABEL, expiresInDays: SESSION_TOKEN_DAYS }, clock, newId);
  await writeFile(path, `${issued.secret}\n`, { mode: 0o600 });
  // writeFile's mode applies only to a new file; an existing one may have been looser.
  await chmod(path, 0o600);
  return { secret: issued.secret, record: issued.record, reused: false };
}
