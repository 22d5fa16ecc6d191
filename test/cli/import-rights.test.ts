// `setu import --as ORG` writes in ORG's name, so ORG must have write on the collection (directly
// or through a write community), exactly as a TAXII POST by ORG would need: otherwise nothing is
// stored and main() exits 2 (the call must change: another --as, or a grant).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as init } from '../../src/cli/commands/init.js';
import * as org from '../../src/cli/commands/org.js';
import * as collection from '../../src/cli/commands/collection.js';
import * as community from '../../src/cli/commands/community.js';
import { run as importFiles } from '../../src/cli/commands/import.js';
import { main } from '../../src/cli/main.js';
import { isSetuError } from '../../src/errors/index.js';
import { withNode } from '../../src/node/data-dir.js';
import { captureIo } from './capture.js';

const indicator = {
  type: 'indicator',
  spec_version: '2.1',
  id: 'indicator--00000042-1111-4111-8111-111111111111',
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  name: 'write-rights indicator',
  pattern: "[ipv4-addr:value = '198.51.100.42']",
  pattern_type: 'stix',
  valid_from: '2026-01-01T00:00:00Z',
};

async function nodeWithReaderOnlyOrg() {
  const dir = await mkdtemp(join(tmpdir(), 'setu-import-rights-'));
  await init({ data: dir, nodeName: 'CERT Test Node', country: 'jp', json: true }, captureIo());
  await org.create({ data: dir, id: 'reader-org', name: 'Reads only', country: 'IN', json: false }, captureIo());
  await org.create({ data: dir, id: 'member-org', name: 'Writes through a community', country: 'JP', json: false }, captureIo());
  await community.create({ data: dir, id: 'writers', name: 'Writers', members: ['member-org'], json: false }, captureIo());
  const c = await collection.create({ data: dir, title: 'guarded', read: ['reader-org', 'member-org'], write: ['cert-test-node'], writeCommunities: ['writers'], json: false }, captureIo());
  const file = join(dir, 'one.json');
  await writeFile(file, JSON.stringify(indicator));
  return { dir, collectionId: c.id, file };
}

test('import --as an organisation without write on the collection is refused, naming both, and stores nothing', async () => {
  const { dir, collectionId, file } = await nodeWithReaderOnlyOrg();
  await assert.rejects(importFiles({ data: dir, collection: collectionId, files: [file], as: 'reader-org', json: false }, captureIo()), (e) => {
    assert.ok(isSetuError(e), String(e));
    assert.equal(e.code, 'SETU_ERR_NODE_ORG_CANNOT_WRITE');
    assert.match(e.message, /reader-org/);
    assert.match(e.message, new RegExp(collectionId));
    return true;
  });
  await withNode(dir, Date.now, async ({ store }) => {
    assert.equal(await store.countObjects(collectionId), 0);
    assert.equal((await store.listAudit({ limit: 1000 })).filter((e) => e.action === 'object.write').length, 0, 'no write was audited');
  });
});

test('main maps an import --as without write rights to exit 2', async () => {
  const { dir, collectionId, file } = await nodeWithReaderOnlyOrg();
  const io = captureIo();
  assert.equal(await main(['node', 'setu', 'import', '--data', dir, '--collection', collectionId, '--as', 'reader-org', file], io), 2);
  assert.match(io.stderr(), /reader-org/);
  await withNode(dir, Date.now, async ({ store }) => assert.equal(await store.countObjects(collectionId), 0));
});

test('import --as a member of a write community, or without --as (the node itself), is stored', async () => {
  const { dir, collectionId, file } = await nodeWithReaderOnlyOrg();
  const outcome = await importFiles({ data: dir, collection: collectionId, files: [file], as: 'member-org', json: false }, captureIo());
  assert.equal(outcome[0]?.stored, 1);
  const again = await importFiles({ data: dir, collection: collectionId, files: [file], json: false }, captureIo());
  assert.deepEqual([again[0]?.stored, again[0]?.alreadyHeld, again[0]?.failed.length], [0, 1, 0], 'an identical re-post is a success: already held, not stored again');
  await withNode(dir, Date.now, async ({ store }) => {
    const [copy] = await store.heldCopies(indicator.id);
    assert.equal(copy?.ownerOrg, 'member-org');
  });
});
