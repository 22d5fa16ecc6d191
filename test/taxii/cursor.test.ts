import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeCursor, encodeCursor } from '../../src/taxii/cursor.js';

test('cursors round-trip and are opaque base64url', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (seq) => {
    const token = encodeCursor(seq);
    assert.match(token, /^[A-Za-z0-9_-]+$/);
    assert.equal(decodeCursor(token), seq);
  }));
});

test('anything else is SETU_ERR_TAXII_BAD_NEXT', () => {
  const bad = ['', 'abc', '!!!', Buffer.from('c1.-1').toString('base64url'), Buffer.from('c1.01').toString('base64url'), Buffer.from('c1.99999999999999999').toString('base64url'), Buffer.from('c2.5').toString('base64url'), `${encodeCursor(5)}=`];
  for (const token of bad) assert.throws(() => decodeCursor(token), (e: unknown) => (e as { code?: string }).code === 'SETU_ERR_TAXII_BAD_NEXT', token);
});
