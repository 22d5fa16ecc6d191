import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { firstInvalidUtf8, loneSurrogateEscape, splitBundleBytes } from '../../src/ingest/index.js';

test('firstInvalidUtf8 names the first bad byte of each ill-formed kind', () => {
  const at = (bad: number[]) => firstInvalidUtf8(Buffer.concat([Buffer.from('ab'), Buffer.from(bad), Buffer.from('cd')]));
  assert.equal(at([0xe3, 0x81]), 2, 'truncated three-byte sequence');
  assert.equal(at([0xc0, 0xaf]), 2, 'overlong "/"');
  assert.equal(at([0xe0, 0x80, 0xaf]), 2, 'overlong three-byte form');
  assert.equal(at([0xff]), 2, '0xFF');
  assert.equal(at([0xed, 0xa0, 0x80]), 2, 'encoded high surrogate');
  assert.equal(at([0xf4, 0x90, 0x80, 0x80]), 2, 'above U+10FFFF');
  assert.equal(at([0x80]), 2, 'lone continuation byte');
  assert.equal(at([0xe6, 0x97, 0xa5, 0xf0, 0x9f, 0x98, 0x80]), -1, 'well-formed 3- and 4-byte sequences');
  assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0xff, 0x62]), 2), -1, 'only the given range is checked');
});

test('property: firstInvalidUtf8 agrees with a strict decoder on arbitrary bytes', () => {
  const strict = new TextDecoder('utf-8', { fatal: true });
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
      let decodes = true;
      try {
        strict.decode(bytes);
      } catch {
        decodes = false;
      }
      const offset = firstInvalidUtf8(bytes);
      assert.equal(offset === -1, decodes);
      if (offset !== -1) assert.doesNotThrow(() => strict.decode(bytes.subarray(0, offset)), 'everything before the offset is well formed');
    }),
    { numRuns: 2000 },
  );
});

test('loneSurrogateEscape finds unpaired escapes, not pairs, and not an escaped backslash', () => {
  assert.equal(loneSurrogateEscape('{"a":"\\ud83d\\ude00"}'), null);
  assert.deepEqual(loneSurrogateEscape('{"a":"x\\ud800y"}'), { index: 7, escape: '\\ud800' });
  assert.deepEqual(loneSurrogateEscape('{"a":"\\uDC00\\uD800"}'), { index: 6, escape: '\\uDC00' });
  assert.deepEqual(loneSurrogateEscape('{"a":"\\ud800\\u0041"}'), { index: 6, escape: '\\ud800' });
  assert.equal(loneSurrogateEscape('{"a":"\\\\ud800"}'), null, 'a backslash escape followed by text');
  assert.equal(loneSurrogateEscape('{"a":"\\n\\u00e9"}'), null);
});

/** No unpaired surrogate code unit (String.prototype.isWellFormed, spelled out for the ES2022 lib). */
function wellFormed(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}

test('property: loneSurrogateEscape is null exactly when the parsed strings are well formed', () => {
  const unit = fc.oneof(fc.integer({ min: 0xd800, max: 0xdfff }), fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xe000, max: 0xffff }));
  fc.assert(
    fc.property(fc.array(fc.oneof(unit, fc.constant(-1)), { maxLength: 8 }), (units) => {
      // -1 stands for an escaped backslash, to mix in "\\" before "u"
      const body = units.map((u) => (u === -1 ? '\\\\' : `\\u${u.toString(16).padStart(4, '0')}`)).join('');
      const json = `{"k":"${body}"}`;
      const parsed = JSON.parse(json) as { k: string };
      assert.equal(loneSurrogateEscape(json) === null, wellFormed(parsed.k));
    }),
    { numRuns: 2000 },
  );
});

test('splitBundleBytes yields undecodable elements with their offset and checks the envelope', () => {
  const body = Buffer.concat([Buffer.from('{"objects":[{"a":"'), Buffer.from([0xc3]), Buffer.from('"},{"b":"é"}]}')]);
  const out = [...splitBundleBytes(body)];
  assert.equal(out.length, 2);
  assert.deepEqual(typeof out[0] === 'string' ? null : { kind: out[0]?.kind, offset: out[0]?.offset, bytes: out[0]?.bytes }, { kind: 'undecodable', offset: 18, bytes: 'C3' });
  assert.equal(out[1], '{"b":"é"}');
  const outside = Buffer.concat([Buffer.from('{"objects":[],"x":"'), Buffer.from([0xfe]), Buffer.from('"}')]);
  assert.throws(() => [...splitBundleBytes(outside)], (e: Error & { code?: string }) => e.code === 'SETU_ERR_INGEST_BAD_ENCODING' && /byte offset 19/.test(e.message));
});
