// End to end: a real Setu node on 127.0.0.1 (port 0) holds the indicators; `setu scan --report`
// scans the Zeek, Suricata and ECS samples, posts sightings (with their observed-data and SCOs)
// over TAXII 2.1, polls the status, and the sightings are then readable back over TAXII.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fetch } from 'undici';
import { run as scan } from '../../src/cli/commands/scan.js';
import { run as importFiles } from '../../src/cli/commands/import.js';
import { startServer } from '../../src/cli/commands/serve.js';
import { ExitError } from '../../src/cli/errors.js';
import { initialiseNode } from '../../src/node/init.js';
import { createCollection } from '../../src/node/admin.js';
import { issueToken } from '../../src/node/tokens.js';
import { validate } from '../../src/stix/index.js';
import { captureIo } from './capture.js';

const FIXTURES = 'test/fixtures/scan';
const FILES = ['conn.log', 'dns.log', 'http.log', 'dns.json.log', 'eve.json', 'ecs.ndjson'].map((f) => join(FIXTURES, f));
const TAXII = 'application/taxii+json;version=2.1';
const SIGHTED_BY = 'identity--6f1d3c1e-2a57-4b6a-9d7e-0c2f4a8b9e11';

test('setu scan --report posts sightings that can be read back over TAXII', async () => {
  const dir = join(await mkdtemp(join(tmpdir(), 'setu-report-')), 'node');
  const node = await initialiseNode({ dir, nodeName: 'Sensor Node', country: 'IN' }, Date.now, randomUUID);
  const org = node.organisation.id;
  const feed = await createCollection(node.store, { title: 'Shared indicators', readOrgs: [org], writeOrgs: [org] }, Date.now, randomUUID);
  const sightingsCollection = await createCollection(node.store, { title: 'Sightings', readOrgs: [org], writeOrgs: [org] }, Date.now, randomUUID);
  const analyst = await issueToken(node.store, { orgId: org, role: 'analyst' }, Date.now, randomUUID);
  await node.store.close();
  // One fixture indicator has a broken pattern and is refused by validation; the rest are stored.
  await assert.rejects(importFiles({ data: dir, collection: feed.id, files: [join(FIXTURES, 'indicators.json')], json: true }, captureIo()), ExitError);

  const server = await startServer({ data: dir, host: '127.0.0.1', port: 0, allowPlainHttp: false, logLevel: 'silent' }, captureIo());
  try {
    const io = captureIo(Date.now());
    const result = await scan(
      {
        files: FILES,
        data: dir,
        collections: [feed.id],
        windowSeconds: 3600,
        aggregateSeconds: 3600,
        hitsLimit: 1000,
        json: false,
        report: true,
        server: server.baseUrl,
        token: analyst.secret,
        collection: sightingsCollection.id,
        sightedBy: SIGHTED_BY,
      },
      io,
      { stdin: Readable.from([]), newId: randomUUID },
    );
    assert.equal(result.hits, 21);
    const report = result.report;
    assert.ok(report !== undefined);
    assert.equal(report.sightings, 9, 'one sighting per indicator hit within the hour');
    assert.equal(report.failed, 0);
    assert.equal(report.succeeded, report.posted);
    assert.ok(report.statuses.every((s) => s.status === 'complete'));
    assert.match(io.stdout(), /reported 9 sightings \(\d+ objects\) to http:\/\/127\.0\.0\.1:\d+\/taxii2\/setu\/: \d+ stored, 0 refused/);

    const url = `${server.apiRootUrl}collections/${sightingsCollection.id}/objects/?limit=1000`;
    const response = await fetch(url, { headers: { accept: TAXII, authorization: `Bearer ${analyst.secret}` } });
    assert.equal(response.status, 200);
    const envelope = (await response.json()) as { objects: Record<string, unknown>[] };
    const byId = new Map(envelope.objects.map((o) => [o['id'] as string, o]));
    const sightings = envelope.objects.filter((o) => o['type'] === 'sighting');
    assert.equal(sightings.length, 9);
    const counts = Object.fromEntries(sightings.map((s) => [s['sighting_of_ref'], s['count']]));
    assert.equal(counts['indicator--00000002-5e70-4d1a-8c2b-000000000002'], 5, 'five events in the CIDR block, one sighting');
    assert.equal(counts['indicator--00000009-5e70-4d1a-8c2b-000000000009'], 1, 'one REPEATS match');
    for (const sighting of sightings) {
      assert.deepEqual(sighting['where_sighted_refs'], [SIGHTED_BY]);
      assert.ok((sighting['first_seen'] as string) <= (sighting['last_seen'] as string));
      const refs = sighting['observed_data_refs'] as string[];
      assert.ok(refs.length >= 1);
      for (const ref of refs) {
        const od = byId.get(ref);
        assert.equal(od?.['type'], 'observed-data', `${ref} was posted with its sighting`);
        for (const sco of od?.['object_refs'] as string[]) assert.ok(byId.has(sco), `SCO ${sco} was posted too`);
      }
    }
    const repeats = sightings.find((s) => s['sighting_of_ref'] === 'indicator--00000009-5e70-4d1a-8c2b-000000000009');
    assert.equal((repeats?.['observed_data_refs'] as string[]).length, 3, 'the three DNS lookups are the evidence');
    assert.equal(repeats?.['first_seen'], '2026-11-27T00:03:20.250000Z');
    assert.equal(repeats?.['last_seen'], '2026-11-27T00:05:20.250000Z');
    // Everything posted is valid STIX 2.1 (the server validated it; check it here too).
    for (const object of envelope.objects) assert.equal(validate(object).valid, true, JSON.stringify(object));
  } finally {
    await server.close();
  }
});
