// Zeek TSV: header lines, escaped separator, sets, unset/empty fields, re-headers, bad lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createReader } from '../../../src/detect/index.js';
import type { LineResult } from '../../../src/detect/index.js';

function readAll(lines: string[]): LineResult[] {
  const reader = createReader('zeek', 'dns.log');
  return lines.map((line, i) => reader.read(line, i + 1));
}

const HEADER = [
  '#separator \\x09',
  '#set_separator\t,',
  '#empty_field\t(empty)',
  '#unset_field\t-',
  '#path\tdns',
  '#fields\tts\tid.orig_h\tid.resp_h\tid.resp_p\tproto\tquery\tanswers',
  '#types\ttime\taddr\taddr\tport\tenum\tstring\tvector[string]',
];

test('reads records by the #fields header, splitting vector columns', () => {
  const results = readAll([...HEADER, '1795737605.000000\t192.0.2.10\t192.0.2.53\t53\tudp\tC2.bad.example\t203.0.113.5,cname.example,2001:db8::5']);
  assert.ok(results.slice(0, HEADER.length).every((r) => r.kind === 'skip'));
  const last = results[results.length - 1];
  assert.equal(last?.kind, 'event');
  if (last?.kind !== 'event') return;
  assert.equal(last.event.time, 1795737605_000000);
  assert.deepEqual(last.event.scos, [
    { type: 'ipv4-addr', value: '192.0.2.10' },
    { type: 'ipv4-addr', value: '192.0.2.53' },
    { type: 'network-traffic', protocols: ['udp'], src_ref: '0', dst_ref: '1', dst_port: 53 },
    { type: 'ipv4-addr', value: '203.0.113.5' },
    { type: 'ipv6-addr', value: '2001:db8::5' },
    { type: 'domain-name', value: 'c2.bad.example' },
  ]);
  assert.equal(last.event.source, 'dns.log');
  assert.equal(last.event.line, HEADER.length + 1);
});

test('unset and empty fields are absent; bad lines say why', () => {
  const results = readAll([
    '1795737605.0\t192.0.2.10\t-\t-\tudp\t-\t(empty)',
    ...HEADER,
    '1795737605.0\t192.0.2.10\t-\t-\tudp\t-\t(empty)',
    '1795737605.0\t192.0.2.10',
    'yesterday\t192.0.2.10\t-\t-\tudp\t-\t-',
  ]);
  assert.deepEqual(results[0], { kind: 'bad', reason: 'data line before the #fields header' });
  const event = results[HEADER.length + 1];
  assert.equal(event?.kind === 'event' && event.event.scos.length, 2, 'only the source address and its traffic');
  assert.deepEqual(results[HEADER.length + 2], { kind: 'bad', reason: '2 columns where #fields declares 7' });
  assert.deepEqual(results[HEADER.length + 3], { kind: 'bad', reason: 'unreadable timestamp "yesterday"' });
});

test('a second header block (log rotation, concatenated files) re-resolves the columns', () => {
  const results = readAll([...HEADER, '#fields\tts\tquery', '#types\ttime\tstring', '1795737605.0\tx.example']);
  const last = results[results.length - 1];
  assert.deepEqual(last?.kind === 'event' ? last.event.scos : undefined, [{ type: 'domain-name', value: 'x.example' }]);
});
