// The streaming detector: exact hits, single-event evaluation, and temporal qualifiers over the
// sliding window (FOLLOWEDBY order, WITHIN, REPEATS, START/STOP, window eviction, consumption).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Detector } from '../../src/detect/index.js';
import type { DetectEvent, Hit } from '../../src/detect/index.js';
import { domain, eventAt, idOf, ip, setWith } from './helpers.js';

function run(detector: Detector, events: DetectEvent[]): Hit[] {
  const hits: Hit[] = [];
  for (const event of events) detector.observe(event, (hit) => hits.push(hit));
  return hits;
}

const lines = (hits: Hit[]): number[][] => hits.map((h) => h.events.map((e) => e.line));

test('an exact indicator hits once per event, however many of its anchors the event holds', () => {
  const detector = new Detector(setWith("[ipv4-addr:value IN ('198.51.100.1', '198.51.100.2') OR ipv4-addr:value ISSUBSET '198.51.100.0/24']"));
  const hits = run(detector, [eventAt(0, [ip('198.51.100.1'), ip('198.51.100.2')], 1), eventAt(1, [ip('192.0.2.1')], 2)]);
  assert.deepEqual(lines(hits), [[1]]);
  assert.equal(detector.counters.evaluations, 0, 'the index decided it');
});

test('a single-observation pattern that needs evaluation is decided by the event alone', () => {
  const detector = new Detector(setWith("[network-traffic:dst_ref.value = '198.51.100.1' AND network-traffic:dst_port = 443]"));
  const traffic = (port: number) => [ip('198.51.100.1'), { type: 'network-traffic', protocols: ['tcp'], dst_ref: '0', dst_port: port }];
  const hits = run(detector, [eventAt(0, traffic(80), 1), eventAt(1, traffic(443), 2), eventAt(2, traffic(443), 3)]);
  assert.deepEqual(lines(hits), [[2], [3]]);
});

test('FOLLOWEDBY ... WITHIN matches in order inside the window, not reversed, not too far apart', () => {
  // Qualifiers bind to the observation expression just before them, hence the parentheses.
  const pattern = "([domain-name:value = 'stage1.example'] FOLLOWEDBY [ipv4-addr:value = '198.51.100.99']) WITHIN 60 SECONDS";
  assert.deepEqual(lines(run(new Detector(setWith(pattern)), [eventAt(0, [domain('stage1.example')], 1), eventAt(30, [ip('198.51.100.99')], 2)])), [[1, 2]]);
  assert.deepEqual(lines(run(new Detector(setWith(pattern)), [eventAt(0, [ip('198.51.100.99')], 1), eventAt(30, [domain('stage1.example')], 2)])), [], 'reversed order');
  assert.deepEqual(lines(run(new Detector(setWith(pattern)), [eventAt(0, [domain('stage1.example')], 1), eventAt(61, [ip('198.51.100.99')], 2)])), [], '61 s apart');
  // Events that arrive out of order (two log files) still bind by their times.
  assert.deepEqual(lines(run(new Detector(setWith(pattern)), [eventAt(30, [ip('198.51.100.99')], 2), eventAt(0, [domain('stage1.example')], 1)])), [[1, 2]]);
});

test('REPEATS n TIMES hits on the n-th event and consumes it; the next hit needs n more', () => {
  const detector = new Detector(setWith("[domain-name:value = 'beacon.example'] REPEATS 3 TIMES WITHIN 600 SECONDS"));
  const events = [0, 100, 200, 300, 400, 500, 1500].map((s, i) => eventAt(s, [domain('beacon.example')], i + 1));
  assert.deepEqual(lines(run(detector, events)), [[1, 2, 3], [4, 5, 6]]);
});

test('the sliding window forgets events older than --window even without WITHIN', () => {
  const pattern = "[domain-name:value = 'a.example'] AND [domain-name:value = 'b.example']";
  const near = run(new Detector(setWith(pattern), { windowSeconds: 100 }), [eventAt(0, [domain('a.example')], 1), eventAt(99, [domain('b.example')], 2)]);
  assert.deepEqual(lines(near), [[1, 2]]);
  const far = run(new Detector(setWith(pattern), { windowSeconds: 100 }), [eventAt(0, [domain('a.example')], 1), eventAt(101, [domain('b.example')], 2)]);
  assert.deepEqual(lines(far), []);
});

test('maxBuffered bounds each window', () => {
  const pattern = "[domain-name:value = 'a.example'] AND [domain-name:value = 'b.example']";
  const detector = new Detector(setWith(pattern), { maxBuffered: 2 });
  const hits = run(detector, [eventAt(0, [domain('a.example')], 1), eventAt(1, [domain('a.example')], 2), eventAt(2, [domain('a.example')], 3), eventAt(3, [domain('b.example')], 4)]);
  assert.deepEqual(lines(hits), [[3, 4]], 'only the two newest events were kept');
});

test('START/STOP keeps only observations inside the interval', () => {
  const pattern = "[ipv4-addr:value = '198.51.100.5'] START t'2026-11-27T00:00:00Z' STOP t'2026-11-27T00:01:00Z'";
  const hits = run(new Detector(setWith(pattern)), [eventAt(-1, [ip('198.51.100.5')], 1), eventAt(30, [ip('198.51.100.5')], 2), eventAt(60, [ip('198.51.100.5')], 3)]);
  assert.deepEqual(lines(hits), [[2]]);
});

test('an unanchored pattern is tried on events holding its object type only', () => {
  const set = setWith('[network-traffic:dst_port > 1024]');
  const detector = new Detector(set);
  const hits = run(detector, [eventAt(0, [ip('192.0.2.1')], 1), eventAt(1, [ip('192.0.2.1'), { type: 'network-traffic', protocols: ['tcp'], dst_ref: '0', dst_port: 8080 }], 2)]);
  assert.deepEqual(lines(hits), [[2]]);
  assert.equal(detector.counters.evaluations, 1);
  assert.equal(hits[0]?.indicator.id, idOf(1));
});

test('evaluation errors are counted, never thrown', () => {
  const detector = new Detector(setWith("[x-custom:when > t'2026-01-01T00:00:00Z']"));
  const hits = run(detector, [eventAt(0, [{ type: 'x-custom', when: 'not a timestamp' }], 1)]);
  assert.deepEqual(hits, []);
  assert.equal(detector.counters.evaluationErrors, 1);
});
