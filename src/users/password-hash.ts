// Password hashing: argon2id through @node-rs/argon2 (Rust argon2 crate, prebuilt binaries shipped
// as npm packages, no install script). Parameters are OWASP's Password Storage Cheat Sheet first
// argon2id configuration: m = 19 MiB (19456 KiB), t = 2 iterations, p = 1, 16-byte random salt,
// 32-byte output, stored as a PHC string ($argon2id$v=19$m=19456,t=2,p=1$salt$hash) so parameters
// can be raised later without breaking stored hashes.
import { hash, verify } from '@node-rs/argon2';

export const ARGON2_PARAMETERS = { algorithm: 2 /* Algorithm.Argon2id (an ambient const enum) */, memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export async function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_PARAMETERS);
}

/** True when `password` matches the PHC string (a malformed stored hash matches nothing). */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** A hash to verify against when the account does not exist, so both cases cost the same time. */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('setu dummy password for absent accounts');
  return dummy;
}
