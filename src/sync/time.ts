// Timestamp arithmetic for TAXII cursors (microsecond precision, RFC 3339 UTC). Pure.

const RFC3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?Z$/i;

/** Whole microseconds since the epoch, or undefined when not an RFC 3339 UTC timestamp. */
export function toEpochMicros(value: string): number | undefined {
  const m = RFC3339.exec(value);
  if (m === null) return undefined;
  const seconds = Date.parse(`${m[1] ?? ''}Z`);
  if (Number.isNaN(seconds)) return undefined;
  return seconds * 1000 + Number(((m[2] ?? '') + '000000').slice(0, 6));
}

export function fromEpochMicros(micros: number): string {
  const ms = Math.floor(micros / 1000);
  return `${new Date(ms).toISOString().slice(0, 23)}${String(micros - ms * 1000).padStart(3, '0')}Z`;
}

/** The instant one microsecond before `value` (so `added_after` of it includes `value` itself). */
export function justBefore(value: string): string | undefined {
  const micros = toEpochMicros(value);
  return micros === undefined ? undefined : fromEpochMicros(micros - 1);
}

/** Compares two timestamps as instants; undefined when either is malformed. */
export function compareInstants(a: string, b: string): number | undefined {
  const x = toEpochMicros(a);
  const y = toEpochMicros(b);
  return x === undefined || y === undefined ? undefined : x - y;
}
