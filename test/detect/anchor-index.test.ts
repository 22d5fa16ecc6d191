// AnchorIndex: path reading inside an event, selection once per event, counts after removal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePattern } from '../../src/pattern/index.js';
import { AnchorIndex, readPath } from '../../src/detect/anchor-index.js';
import { LazyIndicator } from '../../src/detect/compiled-indicator.js';
import { planPattern } from '../../src/detect/index.js';
import type { Sco } from '../../src/detect/index.js';

const scos: Sco[] = [
  { type: 'ipv4-addr', value: '198.51.100.1' },
  { type: 'network-traffic', protocols: ['tcp'], dst_ref: '0', dst_port: 443 },
  { type: 'file', hashes: { MD5: 'aa' } },
];

function entry(id: string, pattern: string): LazyIndicator {
  const parsed = parsePattern(pattern);
  assert.ok(parsed.ok);
  return new LazyIndicator(id, undefined, '2026-01-01T00:00:00Z', pattern, planPattern(parsed.ast));
}

test('readPath follows keys and _ref steps inside the event only', () => {
  assert.equal(readPath(scos[1] as Sco, ['dst_ref', 'value'], scos), '198.51.100.1');
  assert.equal(readPath(scos[2] as Sco, ['hashes', 'MD5'], scos), 'aa');
  assert.equal(readPath(scos[1] as Sco, ['src_ref', 'value'], scos), undefined);
  assert.equal(readPath({ type: 'network-traffic', dst_ref: '00' }, ['dst_ref', 'value'], scos), undefined, "'00' is not the key of scos[0]");
  assert.equal(readPath(scos[0] as Sco, ['toString'], scos) === '198.51.100.1', false);
});

test('select reports each indicator once per event; delete and counts', () => {
  const index = new AnchorIndex();
  const a = entry('a', "[ipv4-addr:value = '198.51.100.1' OR network-traffic:dst_ref.value = '198.51.100.1' OR ipv4-addr:value ISSUBSET '198.51.100.0/24']");
  const b = entry('b', "[file:hashes.MD5 = 'aa']");
  const c = entry('c', '[network-traffic:dst_port > 1]');
  for (const e of [a, b, c]) index.add(e);
  assert.deepEqual(index.counts(), { equalityKeys: 3, cidrBlocks: 1 });
  const out: LazyIndicator[] = [];
  index.select(scos, 1, out);
  assert.deepEqual(out.map((e) => e.id).sort(), ['a', 'b', 'c']);
  index.delete(a);
  index.delete(c);
  const again: LazyIndicator[] = [];
  index.select(scos, 2, again);
  assert.deepEqual(again.map((e) => e.id), ['b']);
  assert.deepEqual(index.counts(), { equalityKeys: 1, cidrBlocks: 0 });
});
