import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSubsetBlock, parseIpBlock } from '../../src/pattern/cidr.js';

function subset(inner: string, outer: string): boolean {
  const a = parseIpBlock(inner);
  const b = parseIpBlock(outer);
  assert.ok(a && b, `${inner} / ${outer}`);
  return isSubsetBlock(a, b);
}

test('IPv4 addresses and blocks', () => {
  assert.equal(subset('192.168.0.77', '192.168.0.1/24'), true);
  assert.equal(subset('192.168.1.77', '192.168.0.1/24'), false);
  assert.equal(subset('11.22.33.44/20', '11.22.33.44/13'), true);
  assert.equal(subset('11.22.33.44/13', '11.22.33.44/20'), false);
  assert.equal(subset('10.0.0.1', '0.0.0.0/0'), true);
  assert.equal(subset('203.0.113.33', '203.0.113.33/32'), true);
  assert.equal(subset('203.0.113.33', '203.0.113.33'), true);
});

test('IPv6 addresses and blocks, compressed and with IPv4 tails', () => {
  assert.equal(subset('2001:db8:dead:beef::1', '2001:0db8:dead:beef:0000:0000:0000:0000/64'), true);
  assert.equal(subset('2001:db8:dead:bef0::1', '2001:db8:dead:beef::/64'), false);
  assert.equal(subset('::ffff:192.0.2.1', '::ffff:0:0/96'), true);
  assert.equal(subset('::1', '::/0'), true);
  assert.equal(subset('2001:db8::/48', '2001:db8::/32'), true);
});

test('v4 and v6 never contain each other; malformed input is rejected', () => {
  assert.equal(subset('10.0.0.1', '::/0'), false);
  for (const bad of ['10.0.0', '10.0.0.256', '10.0.0.1/33', '1::2::3', '2001:db8::/129', 'hello', '01.2.3.4', '1:2:3:4:5:6:7:8:9']) {
    assert.equal(parseIpBlock(bad), undefined, bad);
  }
});
