// API tokens: a random secret shown once to its holder; only its SHA-256 is stored. Secrets look
// like `setu_<43 base64url chars>` (32 random bytes), so they are easy to recognise in leaks.

import { createHash, randomBytes } from 'node:crypto';
import type { Role, TokenRecord } from '../store/index.js';

export const TOKEN_PREFIX = 'setu_';
const SECRET_BYTES = 32;

/** SHA-256 (hex) of a token secret: the only form in which a secret is stored or looked up. */
export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A fresh random secret. `random` is injectable so tests can be deterministic. */
export function generateTokenSecret(random: (size: number) => Uint8Array = randomBytes): string {
  return TOKEN_PREFIX + Buffer.from(random(SECRET_BYTES)).toString('base64url');
}

export interface NewTokenOptions {
  readonly orgId: string;
  readonly role: Role;
  readonly label?: string | null;
  /** RFC 3339 UTC expiry, or null/undefined for none. */
  readonly expiresAt?: string | null;
  /** Creation time, RFC 3339 UTC. */
  readonly now: string;
  readonly newId: () => string;
  readonly random?: (size: number) => Uint8Array;
}

export interface NewToken {
  /** Shown to the holder once; never stored. */
  readonly secret: string;
  /** What the store keeps (`store.createToken(record)`). */
  readonly record: TokenRecord;
}

/** Builds a token: the caller persists `record` and hands `secret` to the holder. */
export function newToken(options: NewTokenOptions): NewToken {
  const secret = generateTokenSecret(options.random);
  const record: TokenRecord = {
    id: options.newId(),
    orgId: options.orgId,
    role: options.role,
    label: options.label ?? null,
    secretHash: hashTokenSecret(secret),
    createdAt: options.now,
    expiresAt: options.expiresAt ?? null,
    revokedAt: null,
  };
  return { secret, record };
}
