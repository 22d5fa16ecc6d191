// Random secrets people hold (session cookies, CSRF tokens, personal tokens, recovery codes) and
// the one form they are stored and looked up in: SHA-256 hex. Only hashes reach the store.
import { createHash, randomBytes } from 'node:crypto';

export const PERSONAL_TOKEN_PREFIX = 'setu_p_';
export const RECOVERY_CODE_COUNT = 10;

export function sha256(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function personalTokenSecret(): string {
  return PERSONAL_TOKEN_PREFIX + randomSecret();
}

/** Ten codes like 'k3xq-9m2f-p7wd' (60 bits each), each usable once instead of a TOTP code. */
export function recoveryCodes(): string[] {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(12);
    const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

/** Recovery codes are compared without dashes, spaces or case. */
export function normaliseRecoveryCode(code: string): string {
  const bare = code.toLowerCase().replace(/[\s-]/g, '');
  return `${bare.slice(0, 4)}-${bare.slice(4, 8)}-${bare.slice(8)}`;
}
