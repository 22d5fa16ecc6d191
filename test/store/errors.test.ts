import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { STORE_ERRORS } from '../../src/store/index.js';

describe('store error catalogue', () => {
  it('has SETU_ERR_STORE_ codes, each with a one-line description', () => {
    const codes = Object.keys(STORE_ERRORS);
    assert.ok(codes.length > 0);
    for (const [code, description] of Object.entries(STORE_ERRORS)) {
      assert.match(code, /^SETU_ERR_STORE_[A-Z_]+$/);
      assert.ok(description.length > 10 && !description.includes('\n'), code);
    }
    assert.equal(new Set(codes).size, codes.length);
  });
});
