// Format recognition from the first line, and the JSON-lines reader through each preset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createReader, recogniseFormat } from '../../../src/detect/index.js';

const firstLine = async (file: string) => (await readFile(`test/fixtures/scan/${file}`, 'utf8')).split('\n')[0] as string;

test('recognises each sample from its first line', async () => {
  assert.equal(recogniseFormat(await firstLine('conn.log')), 'zeek');
  assert.equal(recogniseFormat(await firstLine('dns.json.log')), 'zeek-json');
  assert.equal(recogniseFormat(await firstLine('eve.json')), 'suricata');
  assert.equal(recogniseFormat(await firstLine('ecs.ndjson')), 'ecs');
  assert.equal(recogniseFormat(await firstLine('firewall.jsonl')), undefined, 'needs a mapping');
  assert.equal(recogniseFormat('hello'), undefined);
});

test('Suricata: nested dns answers, http host + url, tls sni, fileinfo hashes', async () => {
  const reader = createReader('suricata', 'eve.json');
  const lines = (await readFile('test/fixtures/scan/eve.json', 'utf8')).split('\n');
  const scos = (n: number) => {
    const r = reader.read(lines[n - 1] as string, n);
    return r.kind === 'event' ? r.event.scos.filter((s) => s.type !== 'network-traffic').map((s) => s['value'] ?? s['hashes']) : r;
  };
  assert.deepEqual(scos(3), ['192.0.2.53', '192.0.2.10', '203.0.113.5', 'c2.bad.example']);
  assert.deepEqual(scos(4), ['192.0.2.11', '192.0.2.200', 'malware.example', 'http://malware.example/payload.bin']);
  assert.deepEqual(scos(5), ['192.0.2.12', '192.0.2.201', 'tls-c2.example']);
  assert.deepEqual(scos(7), ['192.0.2.200', '192.0.2.11', { MD5: '44d88612fea8a8f36de82e1278abb02f', 'SHA-256': '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f' }]);
  assert.deepEqual(reader.read('[1, 2]', 99), { kind: 'bad', reason: 'not a JSON object' });
  assert.deepEqual(reader.read('', 100), { kind: 'skip' });
});

test('ECS: nested and dotted keys alike', () => {
  const reader = createReader('ecs', 'x');
  const nested = reader.read('{"@timestamp":"2026-11-27T00:00:00Z","source":{"ip":"192.0.2.1"},"url":{"full":"HTTP://A.Example/x"}}', 1);
  const dotted = reader.read('{"@timestamp":"2026-11-27T00:00:00Z","source.ip":"192.0.2.1","url.full":"HTTP://A.Example/x"}', 2);
  assert.equal(nested.kind, 'event');
  assert.deepEqual(nested.kind === 'event' ? nested.event.scos : undefined, dotted.kind === 'event' ? dotted.event.scos : 'not an event');
});
