// What every version scheme provides: read a string into a comparable value (or say which rule
// it breaks), show that value in normal form, and order two values. Pure.
export type Order = -1 | 0 | 1;

export type Parsed<P> = { readonly ok: true; readonly value: P; readonly normalised: string } | { readonly ok: false; readonly rule: string };

export interface VersionScheme<P> {
  /** The ordering rule implemented, named for the proof (e.g. "dpkg verrevcmp"). */
  readonly rule: string;
  parse(text: string): Parsed<P>;
  compare(a: P, b: P): Order;
}

/** Erase a scheme's value type for the scheme table: values only flow from its parse to its compare. */
export function defineScheme<P>(scheme: VersionScheme<P>): VersionScheme<unknown> {
  return scheme as unknown as VersionScheme<unknown>;
}

export function sign(n: number): Order {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

/** Compare two strings of ASCII digits as unbounded integers. */
export function compareDigits(a: string, b: string): Order {
  let i = 0;
  while (i < a.length - 1 && a[i] === '0') i++;
  let j = 0;
  while (j < b.length - 1 && b[j] === '0') j++;
  const x = a.slice(i);
  const y = b.slice(j);
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Ordinal comparison (by UTF-16 code unit, i.e. byte order for ASCII). */
export function compareText(a: string, b: string): Order {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function ok<P>(value: P, normalised: string): Parsed<P> {
  return { ok: true, value, normalised };
}

export function bad<P>(rule: string): Parsed<P> {
  return { ok: false, rule };
}

export const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
export const isAlpha = (c: string | undefined): boolean => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
