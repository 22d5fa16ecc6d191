// `setu export --as ORG --to ORG2`: a field under a granular marking stricter than its object
// follows that marking's onward rule, as the whole object follows its own. A granular GREEN field of
// a CLEAR object does not leave the community; a GREEN-marked required field keeps the whole version
// back (counted, with its reason).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as init } from '../../src/cli/commands/init.js';
import * as org from '../../src/cli/commands/org.js';
import * as collection from '../../src/cli/commands/collection.js';
import { run as importFiles } from '../../src/cli/commands/import.js';
import { run as exportBundle } from '../../src/cli/commands/export.js';
import { captureIo } from './capture.js';

const CLEAR = 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487';
const GREEN = 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb';

const indicator = (n: number, greenSelector: string) => ({
  type: 'indicator',
  spec_version: '2.1',
  id: `indicator--${String(n).padStart(8, '0')}-2222-4222-8222-222222222222`,
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  name: `indicator ${n}`,
  description: `community-only context ${n}`,
  pattern: `[ipv4-addr:value = '198.51.100.${n}']`,
  pattern_type: 'stix',
  valid_from: '2026-01-01T00:00:00Z',
  object_marking_refs: [CLEAR],
  granular_markings: [{ marking_ref: GREEN, selectors: [greenSelector] }],
});

test('export to an organisation outside the community drops GREEN fields of CLEAR objects, and withholds an object whose required field is GREEN', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'setu-export-granular-'));
  await init({ data: dir, nodeName: 'CERT Test Node', country: 'jp', json: true }, captureIo());
  for (const id of ['author', 'member', 'stranger']) await org.create({ data: dir, id, name: id, country: 'JP', json: false }, captureIo());
  const c = await collection.create({ data: dir, title: 'community', read: ['author', 'member'], write: ['author'], json: false }, captureIo());
  const withDescription = indicator(1, 'description');
  const withPattern = indicator(2, 'pattern');
  const file = join(dir, 'bundle.json');
  await writeFile(file, JSON.stringify({ type: 'bundle', id: 'bundle--6f1c2f4e-0000-4000-8000-000000000001', objects: [withDescription, withPattern] }));
  await importFiles({ data: dir, collection: c.id, files: [file], as: 'author', json: false }, captureIo());

  const objectsIn = async (out: string) => (JSON.parse(await readFile(out, 'utf8')) as { objects: Record<string, unknown>[] }).objects.filter((o) => o['type'] === 'indicator');

  // 1. a member of the community receives both objects as written
  const toMember = join(dir, 'member.json');
  const memberResult = await exportBundle({ data: dir, collection: c.id, out: toMember, as: 'member' }, captureIo());
  assert.equal(memberResult.withheld, 0);
  assert.deepEqual(await objectsIn(toMember), [withDescription, withPattern]);

  // 2. handed by the member to a stranger: the GREEN description is removed, the GREEN pattern keeps its object back
  const toStranger = join(dir, 'stranger.json');
  const io = captureIo();
  const strangerResult = await exportBundle({ data: dir, collection: c.id, out: toStranger, as: 'member', to: 'stranger' }, io);
  const { description: _description, granular_markings: _granular, ...withoutDescription } = withDescription;
  assert.deepEqual(await objectsIn(toStranger), [withoutDescription]);
  assert.equal(strangerResult.objects, 1);
  assert.equal(strangerResult.withheld, 1);
  const [reason] = Object.keys(strangerResult.reasons);
  assert.match(reason ?? '', /pattern/);
  assert.match(reason ?? '', /TLP:GREEN/);
});
