// A pivot is a read like any other: JPCERT/CC (Japan) reading CERT-In's node (India) through
// /api/v1/objects gets what the outbound gate lets out to it (redacted, pseudonymised; held objects
// do not exist for it, nor do their edges), while an Indian reader gets the object as written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { buildApp } from '../../src/app.js';
import { issueToken, loadGateConfig, openNode } from '../../src/node/index.js';
import { CERT_IN, OBJECTS, shareNode } from '../cli/share-fixture.js';

const O = OBJECTS;

test('a JP reader of an Indian node pivots on the redacted form, never the raw bytes; an Indian reader on the stored object', async (t) => {
  const { dir } = await shareNode();
  const clock = () => Date.parse('2026-11-27T12:00:00.000Z');
  const node = await openNode(dir, clock);
  const gate = await loadGateConfig(dir, node.info);
  const app = await buildApp({ store: node.store, config: node.config, info: node.info, clock, newId: randomUUID, logger: false, version: 'test', gate });
  t.after(async () => (await app.http.close(), await node.store.close()));
  const get = async (org: string, url: string) =>
    app.http.inject({ method: 'GET', url: `/api/v1${url}`, headers: { authorization: `Bearer ${(await issueToken(node.store, { orgId: org, role: 'reader' }, clock, randomUUID)).secret}` } });

  const jp = await get('jpcert', `/objects/${O.phishing.id}`);
  assert.equal(jp.statusCode, 200, jp.body);
  assert.equal(jp.json().object.description, 'Reported by [REDACTED:email], [REDACTED:phone].');
  assert.notEqual(jp.json().object.created_by_ref, CERT_IN, 'the non-consenting submitter is pseudonymised');
  assert.ok(!jp.body.includes('ravi.kumar') && !jp.body.includes('98765') && !jp.body.includes(CERT_IN));
  assert.equal((await get('jpcert', `/objects/${O.aadhaarNote.id}`)).statusCode, 404, 'a held object does not exist for the JP reader');

  const graph = await get('jpcert', `/objects/${O.phishing.id}/related?depth=2`);
  assert.equal(graph.statusCode, 200, graph.body);
  assert.ok(!graph.body.includes(O.aadhaarNote.id) && !graph.body.includes('2341'), 'the held note is neither a node nor an edge');
  assert.ok(!graph.body.includes(CERT_IN));

  const inside = await get('cert-in-node', `/objects/${O.phishing.id}`);
  assert.equal(inside.json().object.description, O.phishing.description);
  const insideGraph = (await get('cert-in-node', `/objects/${O.phishing.id}/related`)).json();
  assert.ok(insideGraph.nodes.some((n: { id: string }) => n.id === O.aadhaarNote.id));
});
