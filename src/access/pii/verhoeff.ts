// The Verhoeff check digit (dihedral group D5), used by India's Aadhaar numbers: it catches every
// single-digit error and every transposition of adjacent digits. Pure arithmetic over digit strings.

/** Multiplication table of D5. */
const D: readonly (readonly number[])[] = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];

/** The position permutation sigma; position k (from the right) applies sigma k times. */
const SIGMA: readonly number[] = [1, 5, 7, 6, 2, 8, 3, 0, 9, 4];

/** P[k][digit] = sigma^k(digit), for k = 0..7 (sigma has order 8). Derived, so no row can be mistyped. */
const P: readonly (readonly number[])[] = Array.from({ length: 8 }, (_, k) =>
  Array.from({ length: 10 }, (_, digit) => {
    let x = digit;
    for (let n = 0; n < k; n += 1) x = SIGMA[x] ?? x;
    return x;
  }),
);

/** Inverses in D5. */
const INV: readonly number[] = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

const at = (table: readonly (readonly number[])[], row: number, col: number): number => table[row]?.[col] ?? 0;

/** Folds digits from the right; `offset` is 1 when a check digit is still to be appended. */
function fold(digits: string, offset: number): number {
  let c = 0;
  for (let i = 0; i < digits.length; i += 1) {
    const digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    c = at(D, c, at(P, (i + offset) % 8, digit));
  }
  return c;
}

const DIGITS = /^[0-9]+$/;

/** True when the digit string (check digit last) satisfies the Verhoeff scheme. */
export function verhoeffValid(digits: string): boolean {
  return DIGITS.test(digits) && fold(digits, 0) === 0;
}

/** The Verhoeff check digit to append to a digit string. */
export function verhoeffCheckDigit(digits: string): number {
  if (!DIGITS.test(digits)) throw new RangeError('verhoeffCheckDigit expects decimal digits');
  return INV[fold(digits, 1)] ?? 0;
}
