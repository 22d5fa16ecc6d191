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

const digitsAt = (text: string, at: number, count: number): number => {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    value = value * 10 + (c - 48);
  }
  return value;
};

/** The common "YYYY-MM-DDTHH:MM:SS[.f]Z" without a regex; undefined sends other forms to ISO. */
function isoMicros(text: string): number | undefined {
  let n = text.length;
  // The zone: "Z", or "+hhmm" / "+hh:mm" (Suricata writes +0000).
  let offsetMinutes = 0;
  if (text.charCodeAt(n - 1) === 90) n -= 1;
  else {
    const colon = text.charCodeAt(n - 3) === 58 ? 1 : 0;
    const sign = text.charCodeAt(n - 5 - colon);
    if (sign !== 43 && sign !== 45) return undefined;
    const hh = digitsAt(text, n - 4 - colon, 2);
    const mm = digitsAt(text, n - 2, 2);
    if (hh < 0 || mm < 0) return undefined;
    offsetMinutes = (sign === 45 ? -1 : 1) * (hh * 60 + mm);
    n -= 5 + colon;
  }
  if (n < 19 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84) return undefined;
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return undefined;
  const [year, month, day, hour, minute, second] = [digitsAt(text, 0, 4), digitsAt(text, 5, 2), digitsAt(text, 8, 2), digitsAt(text, 11, 2), digitsAt(text, 14, 2), digitsAt(text, 17, 2)];
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) return undefined;
  let micros = 0;
  if (n > 19) {
    const digits = n - 20;
    if (text.charCodeAt(19) !== 46 || digits < 1 || digits > 9) return undefined;
    const fraction = digitsAt(text, 20, digits);
    if (fraction < 0) return undefined;
    micros = digits >= 6 ? Math.floor(fraction / 10 ** (digits - 6)) : fraction * 10 ** (6 - digits);
  }
  return (Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000) * 1000 + micros;
}

/** Microseconds since the epoch, or undefined when the text or number is not a time. */
export function parseEventTime(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.round(value * 1e6) : undefined;
  if (typeof value !== 'string') return undefined;
  const epoch = epochMicros(value);
  if (epoch !== undefined) return epoch;
  const fast = isoMicros(value);
  if (fast !== undefined) return fast;
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
