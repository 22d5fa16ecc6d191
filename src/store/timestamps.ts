// Timestamp keys shared by every adapter. The store compares timestamps as fixed-width text
// 'YYYY-MM-DDTHH:MM:SS.ffffffZ' (microseconds), so lexical order is time order. Finer digits are
// truncated: an RFC 3339 instant X with sub-microsecond digits compares exactly as its truncation
// for `date_added > X` because date_added itself is a whole number of microseconds.

const RFC3339_UTC = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?[Zz]$/;

/** Normalises an RFC 3339 UTC timestamp to microsecond key form; undefined when malformed. */
export function toMicrosKey(value: string): string | undefined {
  const m = RFC3339_UTC.exec(value);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s, frac] = m as unknown as [string, string, string, string, string, string, string, string | undefined];
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  const probe = new Date(Date.UTC(Number(y), month - 1, day));
  if (probe.getUTCDate() !== day) return undefined; // 31 April, 29 February of a common year
  const micros = ((frac ?? '') + '000000').slice(0, 6);
  return `${y}-${mo}-${d}T${h}:${mi}:${s}.${micros}Z`;
}

/** Formats whole microseconds since the epoch as a microsecond key (the date_added form). */
export function formatMicros(epochMicros: number): string {
  const ms = Math.floor(epochMicros / 1000);
  const sub = epochMicros - ms * 1000;
  const iso = new Date(ms).toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
  return `${iso.slice(0, 23)}${String(sub).padStart(3, '0')}Z`;
}

/** Parses a microsecond key back to whole microseconds since the epoch. */
export function parseMicros(key: string): number {
  const ms = Date.parse(`${key.slice(0, 23)}Z`);
  return ms * 1000 + Number(key.slice(23, 26));
}

/**
 * date_added allocation: the first version of a batch gets max(clock, previous + 1µs) and each
 * following one previous + 1µs, so values are unique and strictly increasing in commit order even
 * when the clock stands still or steps back.
 */
export function nextDateAddedMicros(previousMicros: number, clockMillis: number): number {
  const now = Math.floor(clockMillis * 1000);
  return now > previousMicros ? now : previousMicros + 1;
}
