// followIndicators keeps a set current from the app's in-process 'added' events: indicators posted
// over TAXII to a running node enter the set, newer versions replace, revocations remove.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../src/cli/commands/serve.js';
import { initialiseNode } from '../../src/node/init.js';
import { createCollection } from '../../src/node/admin.js';
import { followIndicators, IndicatorSet, matchEvent } from '../../src/detect/index.js';
import type { UpsertOutcome } from '../../src/detect/index.js';
import { captureIo } from '../cli/capture.js';
import { eventAt, idOf, indicator, ip } from './helpers.js';

test('indicators posted to a running node reach a followed IndicatorSet', async () => {
  const dir = join(await mkdtemp(join(tmpdir(), 'setu-follow-')), 'node');
  const node = await initialiseNode({ dir, nodeName: 'Follow Node', country: 'JP' }, Date.now, randomUUID);
  const collection = await createCollection(node.store, { title: 'Feed', readOrgs: [], writeOrgs: [] }, Date.now, randomUUID);
  const token = node.adminToken;
  await node.store.close();
  const server = await startServer({ data: dir, host: '127.0.0.1', port: 0, allowPlainHttp: false, logLevel: 'silent' }, captureIo());
  try {
    const set = new IndicatorSet(() => Date.parse('2026-11-27T00:00:00Z'));
    const outcomes: UpsertOutcome[] = [];
    const stop = followIndicators(server.app.events, set, (o) => outcomes.push(o));
    const post = async (objects: unknown[]) => {
      const response = await server.app.http.inject({
        method: 'POST',
        url: `${server.apiRootUrl.replace(server.baseUrl, '')}collections/${collection.id}/objects/`,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/taxii+json;version=2.1', accept: 'application/taxii+json;version=2.1' },
        payload: JSON.stringify({ objects }),
      });
      assert.equal(response.statusCode, 202, response.body);
    };
    const probe = eventAt(0, [ip('198.51.100.1'), ip('198.51.100.2')]);
    // 1. a new indicator (and a non-indicator, which is ignored)
    await post([indicator(1, "[ipv4-addr:value = '198.51.100.1']"), { type: 'ipv4-addr', spec_version: '2.1', id: 'ipv4-addr--1f0d8f4e-8f71-5d8a-9b3a-0c4b6f7e2a11', value: '198.51.100.9' }]);
    assert.deepEqual(matchEvent(set, probe), [idOf(1)]);
    // 2. a newer version with another pattern replaces it
    await post([indicator(1, "[ipv4-addr:value = '198.51.100.2']", { modified: '2026-06-01T00:00:00.000Z' })]);
    assert.deepEqual(matchEvent(set, eventAt(0, [ip('198.51.100.1')])), []);
    assert.deepEqual(matchEvent(set, probe), [idOf(1)]);
    // 3. revoking removes it
    await post([indicator(1, "[ipv4-addr:value = '198.51.100.2']", { modified: '2026-07-01T00:00:00.000Z', revoked: true })]);
    assert.equal(set.size, 0);
    assert.deepEqual(outcomes.map((o) => o.outcome), ['added', 'replaced', 'removed']);
    // 4. after unsubscribing nothing changes
    stop();
    await post([indicator(2, "[ipv4-addr:value = '198.51.100.1']")]);
    assert.equal(set.size, 0);
  } finally {
    await server.close();
  }
});
