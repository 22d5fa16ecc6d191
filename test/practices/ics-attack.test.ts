// The real ATT&CK for ICS bundle (v18.1, ../shared/datasets/attack/ics-attack.json): what the
// validator says of it, its import, and "what to do" on a sighting of an indicator of Triton.
// Skipped, with the reason printed, when the dataset is not beside the repository.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run as importFiles } from '../../src/cli/commands/import.js';
import { forObject, importBundle } from '../../src/cli/commands/practices.js';
import { ExitError } from '../../src/cli/errors.js';
import { orgIdentityId } from '../../src/access/index.js';
import { validate } from '../../src/stix/index.js';
import { captureIo } from '../cli/capture.js';
import { practicesNode } from './fixture.js';

const DATASET = fileURLToPath(new URL('../../../shared/datasets/attack/ics-attack.json', import.meta.url));
const skip = existsSync(DATASET) ? false : `the ATT&CK for ICS dataset is not at ${DATASET}`;
if (skip !== false) console.log(`# SKIPPED: ${skip}`);

// Real ids of the dataset: Triton, T0880 Loss of Safety, M0812 Safety Instrumented Systems.
const TRITON = 'malware--80099a91-4c86-4bea-9ccb-dac55d61960e';
const TRITON_USES_T0880 = 'relationship--d8354850-bd4c-4bd9-a585-b107f5f1398f';
const T0880 = 'attack-pattern--5fa00fdd-4a55-4191-94a0-564181d7fec2';
const M0812 = 'course-of-action--da44255d-85c5-492c-baf3-ee823d44f848';
const M0812_MITIGATES_T0880 = 'relationship--0ffdee1a-1e83-4506-aba2-38c55812abb3';

/**
 * The only objects the validator refuses: x-mitre-asset objects whose custom x_mitre_related_assets
 * entries carry `related_asset_sectors: []`. STIX 2.1 section 2.11 prohibits empty lists anywhere
 * (a MUST the validator keeps, custom content included: docs/conformance.md, docs/practices.md).
 */
const REFUSED = [
  'x-mitre-asset--69d1b1ef-e918-4cfd-9a98-29debd04cb32',
  'x-mitre-asset--75f810ad-b678-4c57-b93b-fdc79bba0c04',
  'x-mitre-asset--986c455b-0f43-42b6-8360-33ac48bd9990',
  'x-mitre-asset--bb141168-ae41-4974-8ece-dc9b63e59237',
];

test('the validator accepts every object of ATT&CK for ICS but four x-mitre-asset objects with empty lists (MUST, section 2.11)', { skip }, async () => {
  const bundle = JSON.parse(await readFile(DATASET, 'utf8')) as { objects: unknown[] };
  const result = validate(bundle);
  assert.deepEqual([...new Set(result.errors.map((e) => e.objectId))].sort(), REFUSED);
  assert.deepEqual([...new Set(result.errors.map((e) => e.code))], ['STIX_EMPTY_LIST']);
  for (const e of result.errors) assert.match(e.path, /\.x_mitre_related_assets\[\d\]\.related_asset_sectors$/);
  // Custom x-mitre-* types, x_mitre_* properties, revoked and deprecated objects are all accepted (at most SHOULD warnings).
  assert.ok(result.warnings.every((w) => w.severity === 'warning'));
});

test('setu practices import stores the whole bundle but those four, names them, and "what to do" on a sighting of a Triton indicator gives T0880 and M0812', { skip }, async () => {
  const { dir, collection } = await practicesNode();
  const io = captureIo();
  await assert.rejects(importBundle({ data: dir, collection, file: DATASET, json: true }, io), (e) => e instanceof ExitError && e.exitCode === 1);
  const printed = JSON.parse(io.stdout()) as { attack: Record<string, unknown>; import: { files: { stored: number; failed: { id: string; message: string }[] }[] } };
  assert.deepEqual(printed.attack, { collection: { name: 'ICS ATT&CK', version: '18.1' }, objects: 1826, techniques: 95, mitigations: 52, mitigates: 331, uses: 267, revoked: 2, deprecated: 37 });
  const file = printed.import.files[0];
  assert.equal(file?.stored, 1822);
  assert.deepEqual(file?.failed.map((f) => f.id).sort(), REFUSED);
  for (const f of file?.failed ?? []) assert.match(f.message, /related_asset_sectors: empty lists are not allowed \[STIX_EMPTY_LIST\]/);

  // A partner's indicator of Triton, and a sighting of it, shared into the same collection.
  const T = '2026-11-20T00:00:00.000Z';
  const indicator = { type: 'indicator', spec_version: '2.1', id: 'indicator--3f1c2b7a-4d5e-4f60-8a1b-2c3d4e5f6a7b', created: T, modified: T, created_by_ref: orgIdentityId('cert-in'), name: 'Triton SIS engineering workstation beacon', pattern: "[ipv4-addr:value = '203.0.113.77']", pattern_type: 'stix', valid_from: T };
  const indicates = { type: 'relationship', spec_version: '2.1', id: 'relationship--5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d', created: T, modified: T, relationship_type: 'indicates', source_ref: indicator.id, target_ref: TRITON };
  const sighting = { type: 'sighting', spec_version: '2.1', id: 'sighting--6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e', created: T, modified: T, created_by_ref: orgIdentityId('tata-power'), sighting_of_ref: indicator.id, count: 1 };
  const ja = { type: 'language-content', spec_version: '2.1', id: 'language-content--7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f', created: T, modified: T, object_ref: M0812, contents: { ja: { name: '安全計装システム' } } };
  const files = await mkdtemp(join(tmpdir(), 'setu-ics-'));
  const partner = join(files, 'partner.json');
  await writeFile(partner, JSON.stringify({ type: 'bundle', id: 'bundle--8d9e0f1a-2b3c-4d4e-9f5a-6b7c8d9e0f1a', objects: [indicator, indicates, sighting, ja] }));
  await importFiles({ data: dir, collection, files: [partner], json: true }, captureIo());

  const advice = await forObject({ data: dir, id: sighting.id, as: 'bank-a', lang: 'ja', json: true }, captureIo());
  const t0880 = advice.techniques.find((t) => t.id === T0880);
  assert.equal(t0880?.attackId, 'T0880');
  assert.deepEqual(t0880?.paths, [
    [
      { from: sighting.id, via: 'sighting_of_ref', to: indicator.id },
      { from: indicator.id, via: 'indicates', relationshipId: indicates.id, to: TRITON },
      { from: TRITON, via: 'uses', relationshipId: TRITON_USES_T0880, to: T0880 },
    ],
  ]);
  const m0812 = t0880?.mitigations.find((m) => m.id === M0812);
  assert.equal(m0812?.attackId, 'M0812');
  assert.equal(m0812?.relationshipId, M0812_MITIGATES_T0880);
  assert.deepEqual([m0812?.text.name, m0812?.text.language, m0812?.text.translatedBy], ['安全計装システム', 'ja', ja.id]);
  assert.ok(advice.techniques.length >= 10, 'Triton uses many ICS techniques');
  assert.ok(advice.techniques.every((t) => t.attackId?.startsWith('T0')));
});
