// `setu incident new|show|clocks|list`: a case stored through the ingest pipeline in an
// organisation's name, read back with its clocks; the exact JSON of `clocks --json`; usage errors
// (exit 2), an unknown incident (exit 1), a broken reporting rule in jurisdictions.json (exit 2).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readScopeOf } from '../../src/access/index.js';
import * as incident from '../../src/cli/commands/incident.js';
import { UsageError } from '../../src/cli/errors.js';
import { main } from '../../src/cli/main.js';
import { isSetuError } from '../../src/errors/index.js';
import { withNode } from '../../src/node/index.js';
import { captureIo } from '../cli/capture.js';
import { shareNode } from '../cli/share-fixture.js';

const argv = (...args: string[]) => ['node', 'setu', ...args];
// captureIo's clock starts at 2026-11-27T00:00:00Z (05:30 IST).
const AWARE = '2026-11-27T03:00:00+05:30';

async function nodeWithCase() {
  const { dir, collection } = await shareNode();
  const created = await incident.create(
    { data: dir, collection, title: 'Ransomware at Bank A', types: ['malicious-code', 'data-breach'], awareAt: AWARE, personalData: true, sector: 'in-banking', as: 'bank-a', json: true },
    captureIo(),
    () => '7d3c2b1a-0f9e-4d8c-b7a6-95f4e3d2c1b0',
  );
  return { dir, collection, id: created.id, created };
}

test('new stores a STIX incident in the collection, owned by the reporting organisation, and prints its clocks', async () => {
  const { dir, collection, id, created } = await nodeWithCase();
  assert.equal(id, 'incident--7d3c2b1a-0f9e-4d8c-b7a6-95f4e3d2c1b0');
  const certIn = created.clocks.find((c) => c.rule === 'IN-CERTIN-6H');
  assert.equal(certIn?.state, 'running');
  assert.equal(certIn?.dueIst, '2026-11-27T09:00:00+05:30');
  assert.match(certIn?.reason ?? '', /recorded 2\.5 h after/);
  // DPDP rule 7 is not in force for an incident noticed in 2026.
  assert.equal(created.clocks.find((c) => c.rule === 'IN-DPDP-72H')?.state, 'not-applicable');
  await withNode(dir, () => Date.now(), async ({ store }) => {
    const page = await store.queryObjects({ collectionId: collection, ids: [id], limit: 1, withJson: true, reader: readScopeOf('bank-a') });
    assert.equal(page.records[0]?.ownerOrg, 'bank-a');
    assert.equal(page.records[0]?.type, 'incident');
  });
});

test('clocks --json prints exactly {"clocks":[{"rule","authority","due","state",...}]}', async () => {
  const { dir, id } = await nodeWithCase();
  const io = captureIo();
  assert.equal(await main(argv('incident', 'clocks', id, '--data', dir, '--json'), io), 0);
  const doc = JSON.parse(io.stdout()) as { clocks: Array<Record<string, unknown>> };
  assert.deepEqual(Object.keys(doc), ['clocks']);
  for (const c of doc.clocks) assert.deepEqual(Object.keys(c).slice(0, 4), ['rule', 'authority', 'due', 'state']);
  assert.deepEqual(doc.clocks.find((c) => c['rule'] === 'IN-CERTIN-6H')?.['due'], '2026-11-27T03:30:00.000Z');
});

test('show and list, human and JSON', async () => {
  const { dir, collection, id } = await nodeWithCase();
  const io = captureIo();
  await incident.show({ data: dir, id, json: false }, io);
  assert.match(io.stdout(), /Ransomware at Bank A/);
  assert.match(io.stdout(), /IN-CERTIN-6H\trunning\tCERT-In\tdue 2026-11-27T09:00:00\+05:30 \(IST\) \/ 2026-11-27T12:30:00\+09:00 \(JST\)/);
  const listed = await incident.list({ data: dir, json: true }, captureIo());
  assert.deepEqual(listed.map((i) => [i.id, i.collection, i.victimCountry, i.clocks]), [[id, collection, 'IN', { running: 1 }]]);
  const human = captureIo();
  await incident.list({ data: dir, collection, json: false }, human);
  assert.match(human.stdout(), new RegExp(`${id}\\t${collection}\\tIN\\t`));
});

test('usage errors exit 2; an unknown incident exits 1 with its code', async () => {
  const { dir, collection, id } = await nodeWithCase();
  await assert.rejects(incident.create({ data: dir, collection, title: 'x', types: ['ransomware'], json: true }, captureIo()), UsageError);
  await assert.rejects(incident.create({ data: dir, collection, title: 'x', types: ['malicious-code'], awareAt: 'this morning', json: true }, captureIo()), UsageError);
  await assert.rejects(
    incident.create({ data: dir, collection, title: 'x', types: ['malicious-code'], as: 'jpcert', json: true }, captureIo()),
    (e: unknown) => isSetuError(e) && e.code === 'SETU_ERR_NODE_ORG_CANNOT_WRITE',
  );
  assert.equal(await main(argv('incident', 'new', '--data', dir, '--collection', collection, '--title', 'x', '--type', 'ransomware', '--json'), captureIo()), 2);
  const missing = captureIo();
  assert.equal(await main(argv('incident', 'show', id.replace('7d3c', '0000'), '--data', dir, '--json'), missing), 1);
  assert.equal((JSON.parse(missing.stdout()) as { error: { code: string } }).error.code, 'SETU_ERR_INCIDENTS_NOT_FOUND');
  assert.equal(await main(argv('incident', 'clocks', 'not-an-id', '--data', dir), captureIo()), 2);
});

test('reporting rules come from DIR/jurisdictions.json; a broken rule is a configuration error naming the file and field', async () => {
  const { dir, id } = await nodeWithCase();
  const rule = { id: 'IN-CERTIN-6H', jurisdiction: 'IN', authority: 'Test authority', recipient: 'r', report: 'r', law: 'a law', clause: 'a clause', source: 'a test', status: 'in-force', trigger: { victimCountries: ['IN'] }, deadline: { kind: 'hours', hours: 1 }, warnHours: 0 };
  await writeFile(join(dir, 'jurisdictions.json'), JSON.stringify({ reportingRules: [rule] }));
  const { clocks } = await incident.clocks({ data: dir, id, json: true }, captureIo());
  assert.deepEqual(clocks.map((c) => [c.rule, c.authority, c.state]).slice(0, 1), [['IN-CERTIN-6H', 'Test authority', 'overdue']]);
  await writeFile(join(dir, 'jurisdictions.json'), JSON.stringify({ reportingRules: [{ ...rule, deadline: { kind: 'hours', hours: -1 } }] }));
  const io = captureIo();
  assert.equal(await main(argv('incident', 'clocks', id, '--data', dir, '--json'), io), 2);
  const error = (JSON.parse(io.stdout()) as { error: { code: string; message: string } }).error;
  assert.equal(error.code, 'SETU_ERR_NODE_CONFIG_INVALID');
  assert.match(error.message, /jurisdictions\.json: reporting rule IN-CERTIN-6H: deadline\.hours/);
  await writeFile(join(dir, 'jurisdictions.json'), '{"reportingRules": [');
  const broken = captureIo();
  assert.equal(await main(argv('incident', 'list', '--data', dir, '--json'), broken), 2);
  assert.match((JSON.parse(broken.stdout()) as { error: { message: string } }).error.message, /jurisdictions\.json: not valid JSON/);
});

test('report attaches what was sent: a new version, the clock done; refusals for an unknown rule or empty evidence', async () => {
  const { dir, id } = await nodeWithCase();
  const later = () => captureIo(Date.parse('2026-11-27T01:00:00Z'));
  const shown = await incident.report({ data: dir, id, rule: 'IN-CERTIN-6H', evidence: 'CERT-In ack 2026/1127/42', sentAt: '2026-11-27T06:00:00+05:30', as: 'bank-a', json: true }, later());
  assert.equal(shown.clocks.find((c) => c.rule === 'IN-CERTIN-6H')?.state, 'done');
  const again = await incident.clocks({ data: dir, id, json: true }, later());
  assert.match(again.clocks.find((c) => c.rule === 'IN-CERTIN-6H')?.reason ?? '', /in time/);
  await assert.rejects(incident.report({ data: dir, id, rule: 'XX-NONE', evidence: 'x', json: true }, captureIo(Date.parse('2026-11-27T02:00:00Z'))), UsageError);
  await assert.rejects(incident.report({ data: dir, id, rule: 'IN-CERTIN-6H', evidence: ' ', json: true }, captureIo(Date.parse('2026-11-27T02:00:00Z'))), UsageError);
  const io = captureIo(Date.parse('2026-11-27T03:00:00Z'));
  assert.equal(await main(argv('incident', 'report', id, '--data', dir, '--rule', 'IN-CERTIN-6H', '--evidence', 'resent', '--json'), io), 0);
  assert.equal((JSON.parse(io.stdout()) as { record: { facts: { reports: unknown[] } } }).record.facts.reports.length, 2);
});
