// The personal-data detectors against positive and negative examples: valid and invalid check
// digits, defanged and obfuscated forms, and text that merely looks numeric (hashes, IPs, times).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findEmails, findInText, findNationalIds, findPhones, isRoleMailbox, myNumberCheckDigit, verhoeffCheckDigit } from '../../src/access/pii/index.js';

const kinds = (text: string) => findInText(text).map((m) => `${m.kind}:${m.match}`);

test('e-mail: plain and defanged forms, all refanged to one normal form', () => {
  const forms = [
    'ravi.kumar@example.co.in',
    'ravi.kumar[at]example[.]co[.]in',
    'ravi.kumar(at)example(.)co(.)in',
    'ravi.kumar [at] example [dot] co [dot] in',
    'ravi.kumar{at}example{.}co{.}in',
    'ravi.kumar[@]example[.]co.in',
    'RAVI.KUMAR@EXAMPLE.CO.IN',
  ];
  for (const form of forms) {
    const found = findEmails(`contact: ${form}, thanks`);
    assert.equal(found.length, 1, form);
    assert.equal(found[0]?.match, form);
    assert.equal(found[0]?.normal, 'ravi.kumar@example.co.in', form);
  }
});

test('e-mail: negatives', () => {
  for (const text of ['user@localhost', 'at example dot com', '@handle', 'foo@bar', 'a [at] b', 'version 1.2.3@build', 'https://example.com/path']) {
    assert.deepEqual(findEmails(text), [], text);
  }
});

test('e-mail: role mailboxes are recognised (they are an organisation, not an individual)', () => {
  assert.equal(isRoleMailbox('abuse@example.jp'), true);
  assert.equal(isRoleMailbox('security+pgp@example.jp'), true);
  assert.equal(isRoleMailbox('taro.yamada@example.jp'), false);
});

test('phone: international, Indian and Japanese forms, including masked digits', () => {
  const positives: [string, string][] = [
    ['+91 98765 43210', '+919876543210'],
    ['+91-98765-43210', '+919876543210'],
    ['+919876543210', '+919876543210'],
    ['+81-90-1234-5678', '+819012345678'],
    ['+81 (3) 1234 5678', '+81312345678'],
    ['+1 (555) 010-0199', '+15550100199'],
    ['98765 43210', '+919876543210'],
    ['09876543210', '+919876543210'],
    ['03-1234-5678', '+81312345678'],
    ['090-1234-5678', '+819012345678'],
    ['+91 98xxx xxxxx', '+9198xxxxxxxx'],
    ['+91 98xxx', '+9198xxx'],
    ['+81-90-****-5678', '+8190****5678'],
  ];
  for (const [text, normal] of positives) {
    const found = findPhones(`call ${text} now`);
    assert.equal(found.length, 1, `${text}: ${JSON.stringify(found)}`);
    assert.equal(found[0]?.match, text);
    assert.equal(found[0]?.normal, normal, text);
  }
});

test('phone: numbers that are not phones stay unmatched', () => {
  const negatives = [
    '198.51.100.7',
    '2001:db8::1',
    '2026-01-31T12:34:56.000Z',
    'version 10.0.19041.1234',
    'sha256 d41d8cd98f00b204e9800998ecf8427e9876543210abcdef',
    'port 44321 and 8443',
    '1234567890',
    'CVE-2024-3094',
    '+91 xxxxx xxxxx',
    'ticket #9876543210x',
    'indicator--98765432-1111-4111-8111-111111111111',
  ];
  for (const text of negatives) assert.deepEqual(findPhones(text), [], text);
});

const aadhaar = (eleven: string) => `${eleven}${verhoeffCheckDigit(eleven)}`;
const spaced = (d: string, sep: string) => `${d.slice(0, 4)}${sep}${d.slice(4, 8)}${sep}${d.slice(8)}`;

test('Aadhaar: valid check digit in plain, spaced and hyphenated forms', () => {
  const valid = aadhaar('23412341234');
  for (const text of [valid, spaced(valid, ' '), spaced(valid, '-'), spaced(valid, '.')]) {
    assert.deepEqual(findNationalIds(`id ${text}.`).filter((m) => m.kind === 'aadhaar').map((m) => m.normal), [valid], text);
  }
});

test('Aadhaar: an invalid check digit, a leading 0 or 1, mixed separators or a longer run are not Aadhaar', () => {
  const valid = aadhaar('23412341234');
  const wrong = valid.slice(0, 11) + String((Number(valid[11]) + 1) % 10);
  const leading1 = aadhaar('13412341234');
  for (const text of [wrong, spaced(wrong, ' '), leading1, `${valid.slice(0, 4)} ${valid.slice(4, 8)}-${valid.slice(8)}`, `${valid}7`, `x${valid}`, `${valid}abc`]) {
    assert.deepEqual(findNationalIds(text).filter((m) => m.kind === 'aadhaar'), [], text);
  }
});

test('Aadhaar: any valid number written with spaces is found, any single-digit error is not', () => {
  fc.assert(
    fc.property(fc.integer({ min: 2, max: 9 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 10, maxLength: 10 }), fc.nat(11), fc.integer({ min: 1, max: 9 }), (first, rest, at, delta) => {
      const valid = aadhaar(`${first}${rest.join('')}`);
      const found = findNationalIds(`UID ${spaced(valid, ' ')} on file`).some((m) => m.kind === 'aadhaar' && m.normal === valid);
      const broken = valid.slice(0, at) + String((Number(valid[at]) + delta) % 10) + valid.slice(at + 1);
      const stillFound = findNationalIds(spaced(broken, ' ')).some((m) => m.kind === 'aadhaar');
      return found && !stillFound;
    }),
    { numRuns: 2000 },
  );
});

test('My Number: valid check digit found, invalid ignored', () => {
  const valid = `12345678901${myNumberCheckDigit('12345678901')}`;
  assert.deepEqual(findNationalIds(`個人番号 ${spaced(valid, '-')}`).filter((m) => m.kind === 'my-number').map((m) => m.normal), [valid]);
  assert.deepEqual(findNationalIds('123456789017').filter((m) => m.kind === 'my-number'), []);
});

test('PAN: holder-status letter required, boundaries respected', () => {
  assert.deepEqual(findNationalIds('PAN ABCPE1234F filed').map((m) => m.match), ['ABCPE1234F']);
  assert.deepEqual(findNationalIds('AAACR5055K').map((m) => m.match), ['AAACR5055K']);
  for (const text of ['ABCXE1234F', 'ABCPE1234', 'XABCPE1234F', 'ABCPE1234FG', 'abcpe1234f']) assert.deepEqual(findNationalIds(text), [], text);
});

test('findInText: digits inside an address belong to the address; results are in text order', () => {
  assert.deepEqual(kinds('9876543210@example.com'), ['email:9876543210@example.com']);
  assert.deepEqual(kinds('mail a.b@example.org or call +81-90-1234-5678'), ['email:a.b@example.org', 'phone:+81-90-1234-5678']);
});
