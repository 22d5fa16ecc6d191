// PrefixTable: containment across prefix lengths, host bits ignored, removal, IPv6 keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIp, PrefixTable } from '../../src/detect/index.js';

const block = (text: string) => {
  const ip = parseIp(text);
  assert.ok(ip, text);
  return ip;
};

function containing(table: PrefixTable<string>, text: string): string[] {
  const found: string[] = [];
  table.containing(block(text), (v) => found.push(v));
  return found.sort();
}

test('finds every block that holds an address or a smaller block', () => {
  const table = new PrefixTable<string>(4);
  for (const b of ['0.0.0.0/0', '198.51.0.0/16', '198.51.100.0/24', '198.51.100.7/24', '198.51.100.128/25', '203.0.113.9']) table.insert(block(b), b);
  assert.deepEqual(containing(table, '198.51.100.7'), ['0.0.0.0/0', '198.51.0.0/16', '198.51.100.0/24', '198.51.100.7/24']);
  assert.deepEqual(containing(table, '198.51.100.200'), ['0.0.0.0/0', '198.51.0.0/16', '198.51.100.0/24', '198.51.100.128/25', '198.51.100.7/24']);
  assert.deepEqual(containing(table, '198.51.100.0/23'), ['0.0.0.0/0', '198.51.0.0/16'], 'a /23 is not inside a /24');
  assert.deepEqual(containing(table, '203.0.113.9'), ['0.0.0.0/0', '203.0.113.9']);
  assert.equal(table.size, 6);
  assert.equal(table.remove(block('198.51.100.0/24'), '198.51.100.0/24'), true);
  assert.equal(table.remove(block('198.51.100.0/24'), '198.51.100.0/24'), false);
  assert.deepEqual(containing(table, '198.51.100.7'), ['0.0.0.0/0', '198.51.0.0/16', '198.51.100.7/24']);
});

test('IPv6 blocks of any length, keys across 32-bit words', () => {
  const table = new PrefixTable<string>(6);
  for (const b of ['2001:db8::/32', '2001:db8:bad::/48', '2001:db8:bad:0:1::/80', '::/0']) table.insert(block(b), b);
  assert.deepEqual(containing(table, '2001:db8:bad::5'), ['2001:db8:bad::/48', '2001:db8::/32', '::/0'].sort());
  assert.deepEqual(containing(table, '2001:db8:bad:0:1:2::3'), ['2001:db8:bad:0:1::/80', '2001:db8:bad::/48', '2001:db8::/32', '::/0'].sort());
  assert.deepEqual(containing(table, '2001:db9::1'), ['::/0']);
});
