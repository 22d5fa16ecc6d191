// Japan's Individual Number ("My Number"): 12 digits, the last a check digit over the first 11.
// With P(n) the n-th of those digits counted from the right and Q(n) = n + 1 for n <= 6,
// n - 5 for n >= 7: r = sum(P(n) * Q(n)) mod 11, and the check digit is 0 when r <= 1, else 11 - r.
// Because remainders 0 and 1 share the check digit 0, some single-digit errors go unnoticed
// (the scheme is weaker than Verhoeff); the tests pin that down.

const TWELVE = /^[0-9]{12}$/;

/** The check digit for 11 leading digits. */
export function myNumberCheckDigit(first11: string): number {
  if (!/^[0-9]{11}$/.test(first11)) throw new RangeError('myNumberCheckDigit expects 11 decimal digits');
  let sum = 0;
  for (let n = 1; n <= 11; n += 1) {
    const p = first11.charCodeAt(11 - n) - 48;
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

/** True when a 12-digit string carries a correct My Number check digit. */
export function myNumberValid(digits: string): boolean {
  return TWELVE.test(digits) && myNumberCheckDigit(digits.slice(0, 11)) === digits.charCodeAt(11) - 48;
}
