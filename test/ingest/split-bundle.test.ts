import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { splitBundle, splitBundleBytes } from '../../src/ingest/split-bundle.js';

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

const all = (text: string) => [...splitBundle(text)];
const allBytes = (text: string) => [...splitBundleBytes(Buffer.from(text, 'utf8'))];

test('yields the exact raw text of each element, whitespace and key order preserved', () => {
  const a = '{ "type" : "indicator",\n  "id":"indicator--1" }';
  const b = '{"z":1,"a":[1,2,{"x":"]}\\""}]}';
  const text = `{"type":"bundle","id":"bundle--x","objects":[ ${a} ,\n${b}],"more":false}`;
  assert.deepEqual(all(text), [a, b]);
  assert.deepEqual(allBytes(text), [a, b]);
});

test('objects may come before or after other members; nested "objects" keys are not top-level', () => {
  const text = '{"x":{"objects":[1]},"objects":[{"objects":[{"a":1}]}],"next":"n"}';
  assert.deepEqual(all(text), ['{"objects":[{"a":1}]}']);
  assert.deepEqual(all('{"objects":[]}'), []);
  assert.deepEqual(all('\ufeff {"objects":[{}]} \n'), ['{}']);
});

test('non-object elements are yielded too (ingest reports them as failures)', () => {
  assert.deepEqual(all('{"objects":[1, "s", null, [true], -2.5e3]}'), ['1', '"s"', 'null', '[true]', '-2.5e3']);
});

test('multi-byte text is sliced correctly from strings and from bytes', () => {
  const obj = '{"name":"Zoë 東京 🚀","d":"\\u00e9\\""}';
  assert.deepEqual(all(`{"objects":[${obj},${obj}]}`), [obj, obj]);
  assert.deepEqual(allBytes(`{"objects":[${obj},${obj}]}`), [obj, obj]);
});

test('malformed JSON is SETU_ERR_INGEST_MALFORMED_JSON', () => {
  const cases = [
    '', '   ', '{', '{"objects":[', '{"objects":[{"a":1}', '{"objects":[{"a":1},]}', '{"objects":[{"a":1} {"b":2}]}',
    '{"objects":[{"a":"unterminated}]}', '{"objects":[{"a":tru}]}', '{"objects":[{"a":01}]}', '{"objects":[{"a":"\\x"}]}',
    '{"objects":[{"a":"\\u12g4"}]}', '{"objects":[{"a":"line\nbreak"}]}', '{"objects":[]} trailing', '{"objects":[]}}',
    '{objects:[]}', '{"objects" []}', '{"objects":[{"a" 1}]}', '{"objects":[{"a":1,}]}', '{"objects":[]],}', '{"a":1,}',
    '[1,2', '"str', 'nul',
  ];
  for (const text of cases) assert.equal(code(() => all(text)), 'SETU_ERR_INGEST_MALFORMED_JSON', JSON.stringify(text));
});

test('well-formed JSON that is not an envelope is SETU_ERR_INGEST_BAD_ENVELOPE', () => {
  const cases = ['[]', '[{"type":"indicator"}]', '"x"', '42', 'null', '{}', '{"type":"bundle"}', '{"objects":{}}', '{"objects":"x"}', '{"objects":[],"objects":[]}'];
  for (const text of cases) assert.equal(code(() => all(text)), 'SETU_ERR_INGEST_BAD_ENVELOPE', text);
});

test('an envelope error after some elements is still thrown (the caller writes nothing)', () => {
  const seen: string[] = [];
  assert.equal(code(() => { for (const raw of splitBundle('{"objects":[{"a":1},{"b":2}],"x":}')) seen.push(raw); }), 'SETU_ERR_INGEST_MALFORMED_JSON');
  assert.deepEqual(seen, ['{"a":1}', '{"b":2}']);
});

test('deep nesting does not overflow the stack', () => {
  const deep = '['.repeat(100_000) + ']'.repeat(100_000);
  assert.deepEqual(all(`{"objects":[${deep}]}`), [deep]);
});

// Property: for random JSON object arrays serialised with random spacing, every yielded slice is
// an exact substring at the right place and parses back to the original object.
const jsonObject = fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 4 }), { maxKeys: 6 });

test('property: slices are exact substrings that parse back to the same objects', () => {
  fc.assert(
    fc.property(fc.array(jsonObject, { maxLength: 8 }), fc.integer({ min: 0, max: 3 }), fc.boolean(), (objects, indent, objectsFirst) => {
      const space = indent === 0 ? undefined : ' '.repeat(indent);
      const parts = objects.map((o) => JSON.stringify(o, null, space));
      const array = `[${parts.join(indent === 0 ? ',' : ',\n ')}]`;
      const other = JSON.stringify({ k: objects.slice(0, 1) });
      const text = objectsFirst ? `{"objects":${array},"type":"bundle","x":${other}}` : `{ "type": "bundle", "x": ${other}, "objects" : ${array} }`;
      const slices = all(text);
      assert.deepEqual(slices, parts);
      let from = 0;
      for (const slice of slices) {
        const at = text.indexOf(slice, from);
        assert.ok(at >= 0, 'slice is a substring in order');
        from = at + slice.length;
      }
      // fast-check builds null-prototype dictionaries; compare as JSON values
      assert.deepEqual(slices.map((s) => JSON.parse(s)), JSON.parse(JSON.stringify(objects)));
      assert.deepEqual(allBytes(text), parts);
    }),
    { numRuns: 300 },
  );
});

test('property: the scanner accepts exactly what JSON.parse accepts as an envelope', () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 3 }), fc.string({ maxLength: 4 }), (value, noise) => {
      const text = JSON.stringify({ objects: [value], v: value }) + noise.replace(/\s/g, '');
      let parses = true;
      try {
        JSON.parse(text);
      } catch {
        parses = false;
      }
      const failure = code(() => all(text));
      assert.equal(failure === undefined, parses, text);
    }),
    { numRuns: 300 },
  );
});
