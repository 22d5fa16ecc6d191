// GET /api/v1/incidents/{id}/clocks (inject, no socket): clocks from the incident as the caller may
// read it. A reader of the collection inside the jurisdiction gets them; an organisation that may
// not read the collection gets 404, as for a missing incident; a reader of another jurisdiction
// reads through the outbound gate, so an incident the gate holds back (an Aadhaar number in what
// was sent) does not exist for it, while the node's own organisation sees its clocks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { buildApp } from '../../src/app.js';
import * as incident from '../../src/cli/commands/incident.js';
import { buildIncident } from '../../src/incidents/index.js';
import { ingest } from '../../src/ingest/index.js';
import { createOrganisation, issueToken, loadGateConfig, openNode } from '../../src/node/index.js';
import { captureIo } from '../cli/capture.js';
import { shareNode } from '../cli/share-fixture.js';
import { facts } from './facts.js';

const HELD_ID = 'incident--1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6';

async function fixture(rules?: Parameters<typeof buildApp>[0]['reportingRules']) {
  const { dir, collection } = await shareNode();
  const created = await incident.create({ data: dir, collection, title: 'Ransomware at Bank A', types: ['malicious-code'], awareAt: '2026-11-27T09:00:00+05:30', as: 'bank-a', json: true }, captureIo());
  const clock = () => Date.parse('2026-11-27T05:00:00.000Z'); // 10:30 IST
  const node = await openNode(dir, clock);
  // A case whose sent report quotes an Aadhaar number: the IN profile holds it back from foreign readers.
  const held = buildIncident({
    id: HELD_ID,
    name: 'Data breach at Bank A',
    at: '2026-11-27T04:00:00Z',
    determination: 'confirmed',
    investigationStatus: 'open',
    facts: facts({ types: ['data-breach'], awareAt: '2026-11-27T03:30:00Z', reports: [{ rule: 'IN-CERTIN-6H', sentAt: '2026-11-27T04:00:00Z', evidence: 'Victim UID 2341 2341 2346 reported to CERT-In' }] }),
  });
  const stored = await ingest({ store: node.store, collectionId: collection, rawObjects: [JSON.stringify(held)], clock, newId: randomUUID, events: { emit: () => true }, submitter: { orgId: 'bank-a' } });
  assert.equal(stored.status.failureCount, 0);
  await createOrganisation(node.store, { id: 'telco-x', name: 'Telco X', country: 'IN', kind: 'cii-operator' }, clock);
  const token = async (orgId: string) => (await issueToken(node.store, { orgId, role: 'analyst' }, clock, randomUUID)).secret;
  const tokens = { node: await token('cert-in-node'), jpcert: await token('jpcert'), bank: await token('bank-a'), outsider: await token('telco-x') };
  const gate = await loadGateConfig(dir, node.info);
  const app = await buildApp({ store: node.store, config: node.config, info: node.info, clock, newId: randomUUID, logger: false, version: 'test', gate, ...(rules === undefined ? {} : { reportingRules: rules }) });
  const get = (id: string, secret: string) => app.http.inject({ method: 'GET', url: `/api/v1/incidents/${id}/clocks`, headers: { authorization: `Bearer ${secret}` } });
  return { id: created.id, get, tokens, close: async () => (await app.http.close(), await node.store.close()) };
}

type Clocks = { clocks: Array<{ rule: string; authority: string; due: string | null; state: string; dueIst: string | null }> };

test('a reader of the collection gets the clocks; rule, authority, due and state first', async () => {
  const f = await fixture();
  try {
    const res = await f.get(f.id, f.tokens.node);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json() as Clocks;
    const certIn = body.clocks.find((c) => c.rule === 'IN-CERTIN-6H');
    assert.deepEqual([certIn?.state, certIn?.dueIst], ['running', '2026-11-27T15:00:00+05:30']);
    assert.deepEqual(Object.keys(body.clocks[0] ?? {}).slice(0, 4), ['rule', 'authority', 'due', 'state']);
    const done = (await f.get(HELD_ID, f.tokens.node)).json() as Clocks;
    assert.equal(done.clocks.find((c) => c.rule === 'IN-CERTIN-6H')?.state, 'done');
  } finally {
    await f.close();
  }
});

test('an organisation that may not read the collection gets 404, as for a missing incident', async () => {
  const f = await fixture();
  try {
    assert.equal((await f.get(f.id, f.tokens.bank)).statusCode, 200, 'the reporting organisation reads its own case');
    const hidden = await f.get(f.id, f.tokens.outsider);
    assert.equal(hidden.statusCode, 404);
    assert.equal(hidden.json().error_code, 'SETU_ERR_API_NOT_FOUND');
    const missing = await f.get('incident--00000000-0000-4000-8000-000000000000', f.tokens.node);
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().description, hidden.json().description.replace(f.id, 'incident--00000000-0000-4000-8000-000000000000'));
  } finally {
    await f.close();
  }
});

test('a reader of another jurisdiction reads through the outbound gate: what it holds back does not exist for it', async () => {
  const f = await fixture();
  try {
    const open = await f.get(f.id, f.tokens.jpcert);
    assert.equal(open.statusCode, 200, open.body);
    assert.equal((open.json() as Clocks).clocks.find((c) => c.rule === 'IN-CERTIN-6H')?.state, 'running');
    assert.equal((await f.get(HELD_ID, f.tokens.jpcert)).statusCode, 404);
    assert.equal((await f.get(HELD_ID, f.tokens.node)).statusCode, 200);
  } finally {
    await f.close();
  }
});

test('the node\'s reporting rules apply', async () => {
  const rule = { id: 'IN-TEST-1H', jurisdiction: 'IN', authority: 'Test authority', recipient: 'r', report: 'r', law: 'l', clause: 'c', source: 's', status: 'in-force' as const, trigger: { victimCountries: ['IN'] }, deadline: { kind: 'hours' as const, hours: 1 }, soft: false, warnHours: 0, pauseBases: [] };
  const f = await fixture([rule]);
  try {
    const body = (await f.get(f.id, f.tokens.node)).json() as Clocks;
    assert.deepEqual(body.clocks.map((c) => [c.rule, c.authority, c.state]), [['IN-TEST-1H', 'Test authority', 'overdue']]);
  } finally {
    await f.close();
  }
});
