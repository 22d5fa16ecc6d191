// RFC 3339 UTC timestamps as STIX 2.1 uses them (section 3.2): parsing, calendar validity,
// precision, and a fixed-width microsecond form for ordering and comparison.
import { SetuError } from '../errors/index.js';

/** YYYY-MM-DDTHH:MM:SS[.fraction]Z; seconds may be 60 (leap second, RFC 3339). */
const TIMESTAMP_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?Z$/;
/** Millisecond precision: exactly three fraction digits. */
const MILLIS_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** At least millisecond precision: three or more fraction digits. */
const MILLIS_OR_FINER_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3,}Z$/;

export type TimestampProblem = 'format' | 'calendar' | null;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Why a string is not a STIX timestamp: 'format' (shape), 'calendar' (no such day/time), or null. */
export function timestampProblem(value: string): TimestampProblem {
  const m = TIMESTAMP_RE.exec(value);
  if (m === null) return 'format';
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6]);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 60) return 'format';
  if (day < 1 || day > 31) return 'format';
  if (day > daysInMonth(year, month)) return 'calendar';
  return null;
}

export function isStixTimestamp(value: string): boolean {
  return timestampProblem(value) === null;
}

/** True when the timestamp has exactly millisecond precision (required e.g. for TLP/bundle-era fields). */
export function hasMillisecondPrecision(value: string): boolean {
  return MILLIS_RE.test(value);
}

/**
 * True when the timestamp is precise to the millisecond or finer (three or more fraction digits).
 * For a string timestampProblem() accepted, the position of the '.' and the length decide it, which
 * keeps this off the hot path's regex budget.
 */
export function hasMillisecondOrFinerPrecision(value: string, knownValid = false): boolean {
  if (knownValid) return value.length >= 24 && value.charCodeAt(19) === 46;
  return MILLIS_OR_FINER_RE.test(value);
}

/**
 * Fixed-width 'YYYY-MM-DDTHH:MM:SS.ffffffZ' (fraction padded or truncated to 6 digits), so that
 * string comparison orders timestamps. Throws SETU_ERR_STIX_BAD_TIMESTAMP on a non-timestamp.
 */
export function normalizeTimestamp(value: string): string {
  if (typeof value !== 'string' || timestampProblem(value) !== null) {
    throw new SetuError('SETU_ERR_STIX_BAD_TIMESTAMP', `not an RFC 3339 UTC timestamp: ${String(value)}`, { value });
  }
  const dot = value.indexOf('.');
  const base = dot === -1 ? value.slice(0, 19) : value.slice(0, dot);
  const fraction = dot === -1 ? '' : value.slice(dot + 1, value.length - 1);
  return `${base}.${(fraction + '000000').slice(0, 6)}Z`;
}

/** Compare two valid timestamps: negative, zero or positive. Finer than microseconds is honoured. */
export function compareTimestamps(a: string, b: string): number {
  const fa = fractionDigits(a);
  const fb = fractionDigits(b);
  const width = Math.max(fa.fraction.length, fb.fraction.length);
  const ka = fa.base + fa.fraction.padEnd(width, '0');
  const kb = fb.base + fb.fraction.padEnd(width, '0');
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function fractionDigits(value: string): { base: string; fraction: string } {
  const dot = value.indexOf('.');
  if (dot === -1) return { base: value.slice(0, 19), fraction: '' };
  return { base: value.slice(0, dot), fraction: value.slice(dot + 1, value.length - 1) };
}

/** The version of an object for TAXII/versioning: modified ?? created ?? null. */
export function objectVersion(obj: Readonly<Record<string, unknown>>): string | null {
  const modified = obj['modified'];
  if (typeof modified === 'string') return modified;
  const created = obj['created'];
  return typeof created === 'string' ? created : null;
}
