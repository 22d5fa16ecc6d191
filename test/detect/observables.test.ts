// buildScos: role values to SCOs, with references by position and normalised values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildScos } from '../../src/detect/index.js';

test('addresses and ports become network-traffic with typed address ends', () => {
  assert.deepEqual(buildScos({ src_ip: ['192.0.2.10'], dst_ip: ['2001:db8::1'], src_port: ['49152'], dst_port: [443], protocol: ['TCP'] }), [
    { type: 'ipv4-addr', value: '192.0.2.10' },
    { type: 'ipv6-addr', value: '2001:db8::1' },
    { type: 'network-traffic', protocols: ['tcp'], src_ref: '0', dst_ref: '1', src_port: 49152, dst_port: 443 },
  ]);
  assert.deepEqual(buildScos({ dst_ip: ['192.0.2.1'] }), [{ type: 'ipv4-addr', value: '192.0.2.1' }, { type: 'network-traffic', protocols: ['ipv4'], dst_ref: '0' }]);
  assert.deepEqual(buildScos({ src_ip: ['not-an-ip', '-'] }), [], 'values that are not addresses are dropped');
});

test('names, URLs and hashes are normalised; IP-literal hosts become addresses; duplicates are kept once', () => {
  assert.deepEqual(buildScos({ domain: ['C2.Bad.Example.', 'c2.bad.example'], ip: ['203.0.113.5', 'cname.example'] }), [
    { type: 'ipv4-addr', value: '203.0.113.5' },
    { type: 'domain-name', value: 'c2.bad.example' },
  ]);
  assert.deepEqual(buildScos({ http_host: ['Malware.Example:8080'], http_uri: ['/payload.bin'] }), [
    { type: 'domain-name', value: 'malware.example' },
    { type: 'url', value: 'http://malware.example:8080/payload.bin' },
  ]);
  assert.deepEqual(buildScos({ http_host: ['198.51.100.7'], http_uri: ['http://proxy.example/x'] }), [
    { type: 'ipv4-addr', value: '198.51.100.7' },
    { type: 'url', value: 'http://proxy.example/x' },
  ]);
  assert.deepEqual(buildScos({ md5: ['44D88612FEA8A8F36DE82E1278ABB02F'], sha256: ['-'], file_name: ['x.exe'], email: ['a@example.org'] }), [
    { type: 'file', hashes: { MD5: '44d88612fea8a8f36de82e1278abb02f' }, name: 'x.exe' },
    { type: 'email-addr', value: 'a@example.org' },
  ]);
});
