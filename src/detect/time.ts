// Event and indicator times as epoch microseconds (a safe integer until the year 2255): parsing
// the forms logs use (RFC 3339 with Z, an offset or none; "+0000" offsets as Suricata writes them;
// epoch seconds as Zeek writes them) and printing STIX timestamps with microseconds.
const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|z|[+-]\d{2}:?\d{2})?$/;

function fractionMicros(fraction: string | undefined): number {
  if (fraction === undefined) return 0;
  return Number(fraction.length >= 6 ? fraction.slice(0, 6) : fraction.padEnd(6, '0'));
}

/** Zeek's "1795737601.250000" without a regex: up to 12 digits, optionally a dot and 1-9 digits. */
function epochMicros(text: string): number | undefined {
  let whole = 0;
  let micros = 0;
  let i = 0;
  const n = text.length;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) break;
    if (c < 48 || c > 57 || i === 12) return undefined;
    whole = whole * 10 + (c - 48);
  }
  if (i === 0) return undefined;
  if (i < n) {
    const digits = n - i - 1;
    if (digits < 1 || digits > 9) return undefined;
    for (let k = 1; k <= 6; k++) {
      const c = i + k < n ? text.charCodeAt(i + k) : 48;
      if (c < 48 || c > 57) return undefined;
      micros = micros * 10 + (c - 48);
    }
    for (let k = i + 7; k < n; k++) {
      const c = text.charCodeAt(k);
      if (c < 48 || c > 57) return undefined;
    }
  }
  return whole * 1e6 + micros;
}

/** Microseconds since the epoch, or undefined when the text or number is not a time. */
export function parseEventTime(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.round(value * 1e6) : undefined;
  if (typeof value !== 'string') return undefined;
  const epoch = epochMicros(value);
  if (epoch !== undefined) return epoch;
  const m = ISO.exec(value);
  if (m === null) return undefined;
  const [month, day, hour, minute, second] = [Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  let millis = Date.UTC(Number(m[1]), month - 1, day, hour, minute, second);
  const zone = m[8];
  if (zone !== undefined && zone !== 'Z' && zone !== 'z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    millis -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return millis * 1000 + fractionMicros(m[7]);
}

/** A STIX timestamp with microseconds, e.g. 2026-11-27T00:00:01.123456Z. */
export function formatMicros(micros: number): string {
  const millis = Math.floor(micros / 1000);
  const rest = micros - millis * 1000;
  return `${new Date(millis).toISOString().slice(0, -1)}${String(rest).padStart(3, '0')}Z`;
}

/** A STIX timestamp with milliseconds (for created/modified), from epoch milliseconds. */
export function formatMillis(millis: number): string {
  return new Date(millis).toISOString();
}
