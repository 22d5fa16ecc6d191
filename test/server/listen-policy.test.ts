import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertListenPolicy, isLoopbackHost } from '../../src/server/listen-policy.js';
import { isSetuError } from '../../src/errors/index.js';

test('loopback addresses are recognised, others are not', () => {
  for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) assert.equal(isLoopbackHost(host), true, host);
  for (const host of ['0.0.0.0', '::', '10.0.0.1', '192.0.2.1', 'example.org', '128.0.0.1']) assert.equal(isLoopbackHost(host), false, host);
});

test('plain HTTP beyond loopback is refused unless TLS or explicit consent', () => {
  assert.doesNotThrow(() => assertListenPolicy({ host: '127.0.0.1', tls: false, allowPlainHttp: false }));
  assert.doesNotThrow(() => assertListenPolicy({ host: '0.0.0.0', tls: true, allowPlainHttp: false }));
  assert.doesNotThrow(() => assertListenPolicy({ host: '0.0.0.0', tls: false, allowPlainHttp: true }));
  assert.throws(
    () => assertListenPolicy({ host: '0.0.0.0', tls: false, allowPlainHttp: false }),
    (e) => isSetuError(e) && e.code === 'SETU_ERR_SERVER_PLAIN_HTTP_REFUSED' && /--allow-plain-http/.test(e.message),
  );
});
