// scanStream: lines split across chunks, CRLF, blank lines, recognition, bad-line examples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Detector, scanStream } from '../../src/detect/index.js';
import type { Hit } from '../../src/detect/index.js';
import { isSetuError } from '../../src/errors/index.js';
import { setWith } from './helpers.js';

test('lines may straddle chunks; CRLF and blank lines are fine; bad lines are examples, not failures', async () => {
  const text = '{"@timestamp":"2026-11-27T00:00:00Z","destination":{"ip":"198.51.100.1"}}\r\n\r\nnope\r\n{"@timestamp":"2026-11-27T00:00:01Z","destination":{"ip":"198.51.100.1"}}';
  const chunks = [text.slice(0, 17), text.slice(17, 80), text.slice(80)];
  const hits: Hit[] = [];
  const summary = await scanStream({ source: 's', chunks: (async function* () { yield* chunks; })(), detector: new Detector(setWith("[ipv4-addr:value = '198.51.100.1']")), onHit: (h) => hits.push(h), badExamples: 1 });
  assert.deepEqual({ ...summary, badExamples: summary.badExamples.length }, { source: 's', format: 'ecs', lines: 4, events: 2, badLines: 1, badExamples: 1 });
  assert.deepEqual(hits.map((h) => h.events[0]?.line), [1, 4]);
});

test('an unrecognisable first line fails the stream with SETU_ERR_DETECT_UNKNOWN_FORMAT', async () => {
  await assert.rejects(
    scanStream({ source: 's', chunks: (async function* () { yield '\nplain text\n'; })(), detector: new Detector(setWith()), onHit: () => {} }),
    (e) => isSetuError(e) && e.code === 'SETU_ERR_DETECT_UNKNOWN_FORMAT',
  );
});
