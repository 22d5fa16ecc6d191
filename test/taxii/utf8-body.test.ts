// POST bodies whose JSON strings hold invalid UTF-8: the object is refused with a finding naming
// it and the byte offset, its valid siblings are stored byte for byte, and nothing is stored with
// replacement characters. Bodies are raw Buffers so that no layer re-encodes them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TAXII, coa, json, makeHarness, objectsUrl, type Harness } from './harness.js';

function postBytes(h: Harness, body: Buffer) {
  return h.app.inject({
    method: 'POST',
    url: objectsUrl(),
    payload: body,
    headers: { accept: TAXII, 'content-type': TAXII, authorization: `Bearer ${h.tokens.inAnalyst}` },
  });
}

async function heldCount(h: Harness): Promise<number> {
  const res = await h.get(objectsUrl(), 'inAnalyst');
  return ((json(res)['objects'] as unknown[] | undefined) ?? []).length;
}

/** A course-of-action whose name is `before` + raw bytes + `after`, as UTF-8 bytes. */
function coaWithNameBytes(n: number, bad: readonly number[]): Buffer {
  const text = JSON.stringify(coa(n, undefined, { name: 'NAME_HERE' }));
  const [head, tail] = text.split('NAME_HERE') as [string, string];
  return Buffer.concat([Buffer.from(`${head}ok `), Buffer.from(bad), Buffer.from(` end${tail}`)]);
}

function envelopeOf(parts: readonly Buffer[]): Buffer {
  const out: Buffer[] = [Buffer.from('{"objects":[')];
  parts.forEach((p, i) => out.push(...(i === 0 ? [] : [Buffer.from(',')]), p));
  out.push(Buffer.from(']}'));
  return Buffer.concat(out);
}

test('invalid UTF-8 inside an object refuses that object (naming it and the byte offset); valid siblings are stored byte for byte', async (t) => {
  const h = await makeHarness();
  t.after(() => h.close());
  const good = Buffer.from(JSON.stringify(coa(1, undefined, { name: 'Kōdo 対策 ✓ 😀' })));
  const cases: [string, number[]][] = [
    ['truncated multi-byte sequence', [0xe3, 0x81]],
    ['overlong encoding', [0xc0, 0xaf]],
    ['0xFF byte', [0xff, 0xff]],
    ['encoded surrogate', [0xed, 0xa0, 0x80]],
  ];
  const bad = cases.map(([, bytes], i) => coaWithNameBytes(10 + i, bytes));
  const body = envelopeOf([good, ...bad]);
  const res = await postBytes(h, body);
  assert.equal(res.statusCode, 202);
  const status = json(res);
  assert.equal(status['success_count'], 1);
  assert.equal(status['failure_count'], 4);
  const failures = status['failures'] as { id: string; message: string }[];
  for (const [i, [what, bytes]] of cases.entries()) {
    const failure = failures[i];
    assert.ok(failure, what);
    assert.equal(failure.id, `course-of-action--00000000-0000-4000-8000-${(10 + i).toString(16).padStart(12, '0')}`, what);
    // the offset of the first bad byte in the request body
    const offset = body.indexOf(Buffer.from(bytes));
    assert.match(failure.message, new RegExp(`^objects\\[${i + 1}\\]: invalid UTF-8 .*byte offset ${offset}\\b`), what);
    assert.doesNotMatch(failure.message, /\uFFFD/, what);
  }
  // only the good object is held, and it is served exactly as sent
  assert.equal(await heldCount(h), 1);
  const got = await h.get(`${objectsUrl()}course-of-action--00000000-0000-4000-8000-000000000001/`, 'inAnalyst');
  assert.equal(got.statusCode, 200);
  assert.ok(got.rawPayload.includes(good), 'the stored object is the sent bytes');
  assert.ok(!got.rawPayload.includes(Buffer.from([0xef, 0xbf, 0xbd])), 'no replacement character anywhere');
});

test('invalid UTF-8 outside the objects array refuses the whole request with a TAXII 400 error', async (t) => {
  const h = await makeHarness();
  t.after(() => h.close());
  const body = Buffer.concat([Buffer.from('{"note":"x'), Buffer.from([0xff]), Buffer.from(`","objects":[${JSON.stringify(coa(1))}]}`)]);
  const res = await postBytes(h, body);
  assert.equal(res.statusCode, 400);
  const error = json(res);
  assert.match(String(error['description']), /invalid UTF-8 .*byte offset 10\b/);
  assert.equal(error['error_code'], 'SETU_ERR_INGEST_BAD_ENCODING');
  assert.deepEqual(error['details'], { offset: 10 });
  assert.equal(await heldCount(h), 0);
});

test('an escaped lone surrogate ("\\ud800") is refused for that object; an escaped pair is stored as sent', async (t) => {
  const h = await makeHarness();
  t.after(() => h.close());
  const pair = Buffer.from(JSON.stringify(coa(1)).replace('"Course of action 1"', '"smile \\ud83d\\ude00"'));
  const lone = Buffer.from(JSON.stringify(coa(2)).replace('"Course of action 2"', '"half \\ud800 pair"'));
  const loneLow = Buffer.from(JSON.stringify(coa(3)).replace('"Course of action 3"', '"\\uDC00"'));
  const res = await postBytes(h, envelopeOf([pair, lone, loneLow]));
  assert.equal(res.statusCode, 202);
  const status = json(res);
  assert.equal(status['success_count'], 1);
  const failures = status['failures'] as { id: string; message: string }[];
  assert.deepEqual(failures.map((f) => f.id), ['course-of-action--00000000-0000-4000-8000-000000000002', 'course-of-action--00000000-0000-4000-8000-000000000003']);
  assert.match(failures[0]?.message ?? '', /^objects\[1\]: .*\\ud800 .*lone surrogate/i);
  assert.match(failures[1]?.message ?? '', /^objects\[2\]: .*\\uDC00 .*lone surrogate/i);
  const got = await h.get(`${objectsUrl()}course-of-action--00000000-0000-4000-8000-000000000001/`, 'inAnalyst');
  assert.ok(got.rawPayload.includes(pair), 'the escaped pair is kept as the escape text');
});

test('bad bytes inside the id itself: the failure names the element, never an id holding U+FFFD', async (t) => {
  const h = await makeHarness();
  t.after(() => h.close());
  const text = JSON.stringify(coa(5));
  const cut = text.indexOf('00000005') + 4;
  const bad = Buffer.concat([Buffer.from(text.slice(0, cut)), Buffer.from([0xff]), Buffer.from(text.slice(cut))]);
  const res = await postBytes(h, envelopeOf([bad]));
  assert.equal(res.statusCode, 202);
  const failures = json(res)['failures'] as { id: string; message: string }[];
  assert.equal(failures[0]?.id, '');
  assert.match(failures[0]?.message ?? '', /^objects\[0\]: invalid UTF-8 \(bytes FF\)/);
  assert.doesNotMatch(res.body, /\uFFFD/);
});
