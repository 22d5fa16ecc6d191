// TOTP second factor (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps) through otplib. A code is
// accepted for the current step or the one before or after (clock drift), and each step only once
// (the store keeps the last accepted step). The time is handed in (epoch milliseconds).
import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';

export const TOTP_PERIOD_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// URI an authenticator app reads (usually from a QR code). */
export function totpUri(secret: string, email: string, issuer: string): string {
  return generateURI({ issuer, label: email, secret });
}

/** The code for `secret` at `nowMs` (used by tests and by nothing else at run time). */
export function totpCode(secret: string, nowMs: number): string {
  return generateSync({ secret, epoch: Math.floor(nowMs / 1000) });
}

/** The time step `code` is valid for at `nowMs` (±1 step), or undefined when it is wrong. */
export function totpStep(secret: string, code: string, nowMs: number): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const epoch = Math.floor(nowMs / 1000);
  const result = verifySync({ secret, token: code, epoch, epochTolerance: TOTP_PERIOD_SECONDS });
  if (!result.valid) return undefined;
  const base = Math.floor(epoch / TOTP_PERIOD_SECONDS);
  for (const step of [base, base - 1, base + 1]) if (generateSync({ secret, epoch: step * TOTP_PERIOD_SECONDS }) === code) return step;
  return undefined;
}
