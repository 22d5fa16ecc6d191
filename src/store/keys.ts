// Index columns derived from a new object version, shared by every adapter so that SQLite and
// PostgreSQL order and de-duplicate versions identically.
import { toMicrosKey } from './timestamps.js';

/** '' stands for "unversioned" in the uniqueness key (SQL UNIQUE treats NULLs as distinct). */
export const UNVERSIONED_KEY = '';

/** Orders spec_version strings numerically ('2.10' after '2.9'); unknown shapes rank lowest. */
export function specRank(specVersion: string): number {
  const m = /^(\d{1,6})\.(\d{1,6})$/.exec(specVersion);
  if (m === null) return 0;
  return Number(m[1]) * 1_000_000 + Number(m[2]);
}

/**
 * The uniqueness key of a version: its normalised timestamp, or UNVERSIONED_KEY when null.
 * Undefined when the version string is not an RFC 3339 UTC timestamp.
 */
export function versionKey(version: string | null): string | undefined {
  return version === null ? UNVERSIONED_KEY : toMicrosKey(version);
}
