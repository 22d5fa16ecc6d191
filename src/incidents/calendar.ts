// Time arithmetic for reporting clocks: everything is computed on UTC epoch milliseconds, and a
// calendar-day deadline is counted in the authority's zone. "Within 30 days from the day of
// knowing" (APPI Enforcement Rules art.8(2)) counts the day of knowing as day 1, so the report is
// due before 00:00 of day 31 in Japan: aware 2026-04-01 23:30 JST -> due 2026-05-01 00:00 JST
// (2026-04-30T15:00Z), and 30 minutes later in the evening still gives the same due time. Both
// zones used (IST +05:30, JST +09:00) have no daylight saving, so fixed offsets are exact.
import { ZONES, type Deadline, type Zone } from './rules/rule.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const offsetMs = (zone: Zone): number => ZONES[zone] * 60_000;

/** The instant a deadline falls due for awareness at `awareAt` (epoch ms), before any pause. */
export function dueAfter(awareAt: number, deadline: Deadline): number {
  if (deadline.kind === 'hours') return awareAt + deadline.hours * HOUR;
  const offset = offsetMs(deadline.zone);
  const localMidnight = Math.floor((awareAt + offset) / DAY) * DAY;
  return localMidnight + deadline.days * DAY - offset;
}

/** An instant as RFC 3339 in a zone, e.g. 2026-04-01T10:00:00+09:00. */
export function inZone(epochMs: number, zone: Zone): string {
  const minutes = ZONES[zone];
  const local = new Date(epochMs + minutes * 60_000).toISOString().slice(0, 19);
  if (minutes === 0) return `${local}Z`;
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** UTC with millisecond precision, as STIX timestamps are written. */
export function utc(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Epoch ms of an RFC 3339 timestamp with an explicit zone, or null. */
export function parseInstant(text: string): number | null {
  if (!RFC3339.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

/** Epoch ms of 00:00 UTC on an ISO date (YYYY-MM-DD), or null. */
export function parseDay(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isNaN(ms) ? null : ms;
}

export { HOUR };
