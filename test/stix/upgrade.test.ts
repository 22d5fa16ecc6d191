import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TLP_MARKINGS, deterministicScoId, isStix20Object, stix20Evidence, upgradeFrom20, validate, type UpgradeChange } from '../../src/stix/index.js';

const T = '2016-04-06T20:03:00Z';
const TLP_RED = 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed';
const IDENTITY = 'identity--f431f809-377b-45e0-aa1c-6a4751cae5ff';

function sequence(): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`;
}

function changesOf(changes: readonly UpgradeChange[], objectId: string): string[] {
  return changes.filter((c) => c.objectId === objectId).map((c) => `${c.path}: ${c.change}`);
}

const bundle20 = {
  type: 'bundle',
  id: 'bundle--44af6c39-c09b-49c5-9de2-394224b04982',
  spec_version: '2.0',
  objects: [
    { type: 'identity', id: IDENTITY, created: T, modified: T, name: 'ACME CERT', identity_class: 'organization' },
    {
      type: 'indicator',
      id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
      created_by_ref: IDENTITY,
      created: T,
      modified: '2016-04-06T20:03:00.1Z',
      labels: ['malicious-activity', 'acme-watchlist'],
      name: 'Poison Ivy C2',
      pattern: "[ipv4-addr:value = '198.51.100.3']",
      valid_from: T,
      granular_markings: [{ marking_ref: TLP_RED, selectors: ['labels.[0]', 'labels.[1]', 'name'] }],
    },
    { type: 'malware', id: 'malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b', created: T, modified: T, labels: ['remote-access-trojan'], name: 'Poison Ivy' },
    { type: 'tool', id: 'tool--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', created: T, modified: T, labels: ['remote-access'], name: 'VNC' },
    { type: 'threat-actor', id: 'threat-actor--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', created: T, modified: T, labels: ['crime-syndicate'], name: 'Evil Org' },
    { type: 'report', id: 'report--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3', created: T, modified: T, labels: ['threat-report'], name: 'The Black Vine', published: T, object_refs: ['indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f'] },
    { type: 'relationship', id: 'relationship--44298a74-ba52-4f0c-87a3-1824e67d7fad', created: T, modified: T, relationship_type: 'indicates', source_ref: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', target_ref: 'malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b' },
  ],
};

test('a 2.0 bundle becomes valid 2.1: spec_version moves onto each object, labels become *_types, required properties are added', () => {
  const result = upgradeFrom20(bundle20, { newId: sequence() });
  const doc = result.document as Record<string, unknown> & { objects: Record<string, unknown>[] };
  assert.equal(doc['spec_version'], undefined, 'a 2.1 bundle has no spec_version');
  assert.ok(doc.objects.every((o) => o['spec_version'] === '2.1'));
  const verdict = validate(doc);
  assert.deepEqual(verdict.errors, [], 'the upgraded bundle passes the 2.1 validator');

  const [, indicator, malware, tool, actor, report] = doc.objects;
  assert.deepEqual(indicator?.['indicator_types'], ['malicious-activity']);
  assert.deepEqual(indicator?.['labels'], ['acme-watchlist'], 'a label outside the vocabulary stays a label');
  assert.equal(indicator?.['pattern_type'], 'stix');
  assert.equal(indicator?.['created'], '2016-04-06T20:03:00.000Z');
  assert.equal(indicator?.['modified'], '2016-04-06T20:03:00.100Z');
  assert.deepEqual(indicator?.['granular_markings'], [{ marking_ref: TLP_RED, selectors: ['indicator_types.[0]', 'labels.[0]', 'name'] }], 'selectors follow the moved labels');
  assert.deepEqual(malware?.['malware_types'], ['remote-access-trojan']);
  assert.equal(malware?.['labels'], undefined);
  assert.equal(malware?.['is_family'], true);
  assert.deepEqual(tool?.['tool_types'], ['remote-access']);
  assert.deepEqual(actor?.['threat_actor_types'], ['crime-syndicate']);
  assert.deepEqual(report?.['report_types'], ['threat-report']);
  assert.deepEqual(Object.keys(indicator ?? {}).slice(0, 3), ['type', 'spec_version', 'id']);

  assert.deepEqual(changesOf(result.changes, 'bundle--44af6c39-c09b-49c5-9de2-394224b04982'), ['$.spec_version: removed ("2.0"): a STIX 2.1 bundle has no spec_version']);
  const indicatorChanges = changesOf(result.changes, 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f');
  assert.ok(indicatorChanges.some((c) => c.startsWith('$.objects[1].spec_version: added "2.1"')), indicatorChanges.join('\n'));
  assert.ok(indicatorChanges.some((c) => c.startsWith('$.objects[1].labels: ["malicious-activity"] moved to indicator_types') && c.includes('["acme-watchlist"] stay in labels')));
  assert.ok(indicatorChanges.some((c) => c.startsWith('$.objects[1].pattern_type: added "stix"')));
  assert.ok(indicatorChanges.some((c) => c.startsWith('$.objects[1].modified: "2016-04-06T20:03:00.1Z" -> "2016-04-06T20:03:00.100Z"')));
  assert.ok(indicatorChanges.some((c) => c.startsWith('$.objects[1].granular_markings[0]: selector "labels.[0]" -> "indicator_types.[0]"')));
  assert.ok(changesOf(result.changes, 'malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b').some((c) => c.startsWith('$.objects[2].is_family: added true')));

  // the 2.0 input itself is refused by the 2.1 validator: the upgrade is what makes it acceptable
  assert.equal(validate(bundle20).valid, false);
});

test('observed-data: the objects dictionary becomes top-level SCOs with deterministic ids, references become ids, markings carry over', () => {
  const observed = {
    type: 'observed-data',
    id: 'observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf',
    created: T,
    modified: T,
    first_observed: T,
    last_observed: T,
    number_observed: 1,
    object_marking_refs: [TLP_RED],
    granular_markings: [{ marking_ref: TLP_RED, selectors: ['objects.0.name', 'number_observed'] }],
    objects: {
      '0': { type: 'file', name: 'evil.exe', hashes: { 'SHA-256': 'fe90a7e910cb3a4739bed9180e807e93fa70c90f25a8915476f5e4bfbac681db' }, parent_directory_ref: '1', created: T, is_encrypted: false },
      '1': { type: 'directory', path: 'C:\\Windows\\Temp' },
      '2': { type: 'process', pid: 1221, name: 'evil', arguments: ['-x'], command_line: 'evil.exe -x', binary_ref: '0', created: T },
      '3': { type: 'ipv4-addr', value: '198.51.100.3' },
      '4': { type: 'network-traffic', src_ref: '3', protocols: ['tcp'], extensions: { 'socket-ext': { address_family: 'AF_INET', is_listening: true, protocol_family: 'PF_INET' } } },
      '5': { type: 'user-account', user_id: '1001', password_last_changed: T },
    },
  };
  const result = upgradeFrom20(observed, { newId: sequence() });
  const objects = result.objects.map((o) => o.object as Record<string, unknown>);
  assert.ok(result.objects.every((o) => o.source === 0 && !o.unchanged));
  const [od, file, directory, process, ip, traffic, account] = objects;
  assert.equal(objects.length, 7);
  assert.deepEqual(validate(objects).errors, [], 'the observed-data and its observables pass the 2.1 validator');

  const dirId = deterministicScoId({ type: 'directory', path: 'C:\\Windows\\Temp' });
  assert.equal(directory?.['id'], dirId);
  const fileId = deterministicScoId({ type: 'file', name: 'evil.exe', hashes: { 'SHA-256': 'fe90a7e910cb3a4739bed9180e807e93fa70c90f25a8915476f5e4bfbac681db' }, parent_directory_ref: dirId });
  assert.equal(file?.['id'], fileId, "the file's id is computed over its directory's id, not the dictionary key");
  assert.equal(file?.['parent_directory_ref'], dirId);
  assert.equal(file?.['ctime'], T);
  assert.equal(file?.['is_encrypted'], undefined);
  assert.equal(process?.['id'], 'process--00000000-0000-4000-8000-000000000001', 'process has no id-contributing properties: a UUIDv4 from the id source');
  assert.equal(process?.['image_ref'], fileId);
  assert.equal(process?.['created_time'], T);
  assert.equal(process?.['name'], undefined);
  assert.equal(traffic?.['src_ref'], ip?.['id']);
  assert.deepEqual(traffic?.['extensions'], { 'socket-ext': { address_family: 'AF_INET', is_listening: true } });
  assert.equal(account?.['credential_last_changed'], T);

  assert.equal(od?.['objects'], undefined);
  assert.deepEqual(od?.['object_refs'], [fileId, dirId, process?.['id'], ip?.['id'], traffic?.['id'], account?.['id']]);
  for (const sco of objects.slice(1)) assert.deepEqual(sco['object_marking_refs'], [TLP_RED], `${String(sco['id'])} keeps the observed-data's TLP:RED`);
  assert.deepEqual(od?.['granular_markings'], [{ marking_ref: TLP_RED, selectors: ['number_observed'] }]);
  assert.deepEqual(file?.['granular_markings'], [{ marking_ref: TLP_RED, selectors: ['name'] }], 'a marking on an embedded property moves with it');

  const processChanges = changesOf(result.changes, 'process--00000000-0000-4000-8000-000000000001');
  assert.ok(processChanges.some((c) => c === '$.objects["2"].binary_ref: renamed to image_ref'), processChanges.join('\n'));
  assert.ok(processChanges.some((c) => c.startsWith('$.objects["2"].name: removed (value "evil")')));
  assert.ok(processChanges.some((c) => c.startsWith('$.objects["2"]: given a random (UUIDv4) id')));
  assert.ok(changesOf(result.changes, fileId as string).some((c) => c.startsWith('$.objects["0"].is_encrypted: removed (value false)')));
  assert.ok(changesOf(result.changes, 'observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf').some((c) => c === '$.objects: replaced by object_refs to 6 top-level cyber observable(s)'));
});

test('the same observable in two observed-data is produced once, with the markings of both', () => {
  const od = (n: number, marking: string) => ({
    type: 'observed-data', id: `observed-data--00000000-0000-4000-8000-00000000000${n}`, created: T, modified: T, first_observed: T, last_observed: T, number_observed: 1,
    object_marking_refs: [marking], objects: { '0': { type: 'domain-name', value: 'example.org' } },
  });
  const green = 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da';
  const result = upgradeFrom20([od(1, green), od(2, TLP_RED)], { newId: sequence() });
  const objects = result.objects.map((o) => o.object as Record<string, unknown>);
  assert.deepEqual(objects.map((o) => o['type']), ['observed-data', 'domain-name', 'observed-data']);
  assert.deepEqual(objects[1]?.['object_marking_refs'], [green, TLP_RED]);
  assert.deepEqual(objects[0]?.['object_refs'], objects[2]?.['object_refs']);
});

test('objects already in STIX 2.1 pass through as the same reference; SCOs are never taken for 2.0', () => {
  const current = { type: 'course-of-action', spec_version: '2.1', id: 'course-of-action--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', created: '2016-04-06T20:03:00.000Z', modified: '2016-04-06T20:03:00.000Z', name: 'Block' };
  const sco = { type: 'ipv4-addr', id: 'ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd', value: '198.51.100.3' };
  const result = upgradeFrom20({ type: 'bundle', id: 'bundle--44af6c39-c09b-49c5-9de2-394224b04982', objects: [current, sco] }, { newId: sequence() });
  assert.equal(result.objects[0]?.object, current);
  assert.equal(result.objects[1]?.object, sco);
  assert.ok(result.objects.every((o) => o.unchanged));
  assert.deepEqual(result.changes, []);
  assert.equal(isStix20Object(sco), false);
  assert.equal(stix20Evidence(result.document), null);
});

test('stix20Evidence names what shows the content is STIX 2.0', () => {
  assert.match(stix20Evidence(bundle20) ?? '', /^the bundle carries spec_version "2\.0"/);
  assert.equal(stix20Evidence({ ...bundle20, spec_version: undefined }), '$.objects[0] (identity--f431f809-377b-45e0-aa1c-6a4751cae5ff) has no spec_version, which STIX 2.1 requires on every SDO and SRO');
  assert.match(stix20Evidence([{ type: 'malware', id: 'malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b', labels: ['bot'] }]) ?? '', /\$\[0\] \(malware--.*\) has no spec_version.*with type labels$/);
  assert.equal(stix20Evidence({ type: 'indicator', spec_version: '2.0', id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f' }), '$ (indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f) has spec_version "2.0"');
});

test('a STIX 2.0 TLP marking definition becomes exactly the one STIX 2.1 publishes (name added)', () => {
  const green = 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da';
  const tlp20 = { type: 'marking-definition', id: green, created: '2017-01-20T00:00:00.000Z', definition_type: 'tlp', definition: { tlp: 'green' } };
  const result = upgradeFrom20(tlp20, { newId: sequence() });
  assert.deepEqual(result.document, TLP_MARKINGS[green]?.definition);
  assert.ok(changesOf(result.changes, green).includes('$.name: added "TLP:GREEN" (the name STIX 2.1 gives this predefined TLP marking)'));
});
