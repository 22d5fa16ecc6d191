// Check-digit schemes behind the national-id detectors: Verhoeff (Aadhaar) and the My Number
// mod-11 digit, with known vectors and fast-check properties.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { myNumberCheckDigit, myNumberValid, verhoeffCheckDigit, verhoeffValid } from '../../src/access/pii/index.js';

const digits = (min: number, max: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(''));
const withVerhoeff = (body: string) => `${body}${verhoeffCheckDigit(body)}`;

test('Verhoeff: published vectors', () => {
  assert.equal(verhoeffCheckDigit('236'), 3);
  assert.equal(verhoeffValid('2363'), true);
  assert.equal(verhoeffValid('2364'), false);
  assert.equal(verhoeffCheckDigit('12345'), 1);
  assert.equal(verhoeffValid('123451'), true);
  assert.equal(verhoeffValid('12a451'), false);
  assert.equal(verhoeffValid(''), false);
});

test('Verhoeff: a number with its computed check digit is valid', () => {
  fc.assert(fc.property(digits(1, 30), (body) => verhoeffValid(withVerhoeff(body))), { numRuns: 2000 });
});

test('Verhoeff: every single-digit error is caught', () => {
  fc.assert(
    fc.property(digits(1, 20), fc.nat(), fc.integer({ min: 1, max: 9 }), (body, at, delta) => {
      const valid = withVerhoeff(body);
      const i = at % valid.length;
      const wrong = valid.slice(0, i) + String((Number(valid[i]) + delta) % 10) + valid.slice(i + 1);
      return !verhoeffValid(wrong);
    }),
    { numRuns: 5000 },
  );
});

test('Verhoeff: every transposition of two different adjacent digits is caught', () => {
  fc.assert(
    fc.property(digits(2, 20), fc.nat(), (body, at) => {
      const valid = withVerhoeff(body);
      const i = at % (valid.length - 1);
      fc.pre(valid[i] !== valid[i + 1]);
      const swapped = valid.slice(0, i) + valid[i + 1] + valid[i] + valid.slice(i + 2);
      return !verhoeffValid(swapped);
    }),
    { numRuns: 5000 },
  );
});

test('My Number: the check digit formula on a worked example', () => {
  // digits 1..11 = 12345678901; sum of P(n)Q(n) = 212; 212 mod 11 = 3; check = 11 - 3 = 8
  assert.equal(myNumberCheckDigit('12345678901'), 8);
  assert.equal(myNumberValid('123456789018'), true);
  assert.equal(myNumberValid('123456789017'), false);
  assert.equal(myNumberValid('12345678901'), false, 'eleven digits');
  // remainder 0 or 1 both give check digit 0
  assert.equal(myNumberCheckDigit('00000000000'), 0);
  assert.equal(myNumberValid('000000000000'), true);
});

test('My Number: generated numbers validate; single-digit errors are caught unless they only move the remainder between 0 and 1', () => {
  fc.assert(
    fc.property(digits(11, 11), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 9 }), (body, i, delta) => {
      const valid = `${body}${myNumberCheckDigit(body)}`;
      assert.ok(myNumberValid(valid));
      const wrongBody = body.slice(0, i) + String((Number(body[i]) + delta) % 10) + body.slice(i + 1);
      const wrong = `${wrongBody}${myNumberCheckDigit(body)}`;
      // A changed body digit changes the weighted sum mod 11 (weights 2..7 are units mod 11), so the
      // error escapes only when the two remainders are 0 and 1, which share check digit 0.
      const sameDigit = myNumberCheckDigit(wrongBody) === myNumberCheckDigit(body);
      return myNumberValid(wrong) === sameDigit && (!sameDigit || myNumberCheckDigit(body) === 0);
    }),
    { numRuns: 3000 },
  );
});
