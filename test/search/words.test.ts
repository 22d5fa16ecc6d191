// wordsOf: what a word is. Fixtures for English, Japanese and Hindi, and properties: words are
// non-empty runs of letters, marks and digits that never start with a mark, and cutting a text at
// any separator never loses a word character.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { wordsOf } from '../../src/search/index.js';

test('fixtures', () => {
  assert.deepEqual(wordsOf('Lateral-movement via SMB (T1021.002)'), ['lateral', 'movement', 'via', 'smb', 't1021', '002']);
  assert.deepEqual(wordsOf('ランサムウェア攻撃をAPT29が実行。'), ['ランサムウェア', '攻撃', 'を', 'apt29', 'が', '実行']);
  assert.deepEqual(wordsOf('すごーい カーネル'), ['すごーい', 'カーネル']);
  assert.deepEqual(wordsOf('साइबर हमले की रिपोर्ट।'), ['साइबर', 'हमले', 'की', 'रिपोर्ट']);
  assert.deepEqual(wordsOf('Ｓｅｔｕ　ｻｲﾊﾞｰ'), ['setu', 'サイバー']);
  assert.deepEqual(wordsOf('...'), []);
});

const WORD = /^[\p{L}\p{M}\p{N}]+$/u;
const MARK = /^\p{M}/u;

test('property: words are runs of letters, marks and digits, never starting with a mark', () => {
  const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('攻', '撃', 'の', 'カ', 'ー', 'ह', 'म', 'ल', 'ा', '्', 'a', 'B', '1', ' ', '。', '-', '.') }));
  fc.assert(
    fc.property(text, (t) => {
      for (const word of wordsOf(t)) {
        assert.match(word, WORD);
        assert.doesNotMatch(word, MARK);
        assert.equal(word, word.toLowerCase());
      }
    }),
    { numRuns: 3000 },
  );
});

test('property: the words of a text are the words of its parts split at a separator', () => {
  const piece = fc.string({ unit: fc.constantFrom('攻', '撃', 'の', 'カ', 'ह', 'म', 'ा', 'a', 'z', '7') });
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 6 }), fc.constantFrom(' ', '、', ',', '\n'), (pieces, separator) => {
      assert.deepEqual(wordsOf(pieces.join(separator)), pieces.flatMap((p) => wordsOf(p)));
    }),
  );
});
