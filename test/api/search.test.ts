// GET /api/v1/search over inject(): a reader of the node's jurisdiction finds what it may read as
// written; JPCERT/CC (another jurisdiction) finds only what the outbound gate lets out to it, and
// neither a held version nor a word the gate redacted from its copy; bad queries and parameters are
// 400 with the search code; pages chain through `next`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { buildApp } from '../../src/app.js';
import { createOrganisation, issueToken, loadGateConfig, openNode } from '../../src/node/index.js';
import { OBJECTS, shareNode } from '../cli/share-fixture.js';

async function fixture() {
  const { dir } = await shareNode();
  const clock = () => Date.parse('2026-11-27T12:00:00.000Z');
  const node = await openNode(dir, clock);
  await createOrganisation(node.store, { id: 'outsider', name: 'Reads nothing', country: 'IN' }, clock);
  const gate = await loadGateConfig(dir, node.info);
  const app = await buildApp({ store: node.store, config: node.config, info: node.info, clock, newId: randomUUID, logger: false, version: 'test', gate });
  const token = async (orgId: string, role: string) => (await issueToken(node.store, { orgId, role }, clock, randomUUID)).secret;
  const search = async (secret: string, query: Record<string, string>) => {
    const res = await app.http.inject({ method: 'GET', url: '/api/v1/search', query, headers: { authorization: `Bearer ${secret}` } });
    return { status: res.statusCode, body: res.json() as { results?: { id: string; name: string | null; matched: string; collection: string; tlp: string; type: string }[]; next?: string | null; error_code?: string } };
  };
  return { search, token, close: async () => (await app.http.close(), await node.store.close()) };
}

test('a reader inside finds values and words as written; a foreign reader only what the gate lets out, as served', async () => {
  const f = await fixture();
  try {
    const home = await f.token('cert-in-node', 'reader');
    const jp = await f.token('jpcert', 'reader');
    const o = OBJECTS;
    // The sender's address: in the indicator's pattern and the email-addr SCO.
    const inside = await f.search(home, { q: 'billing@paypa1-secure.example' });
    assert.equal(inside.status, 200, JSON.stringify(inside.body));
    assert.deepEqual(inside.body.results!.map((r) => r.id).sort(), [o.phishing.id, o.sender.id].sort());
    const indicator = inside.body.results!.find((r) => r.id === o.phishing.id)!;
    assert.match(indicator.matched, /^email billing@paypa1-secure\.example at \$\.pattern@/);
    assert.equal(indicator.name, o.phishing.name);
    assert.equal(inside.body.next, null);
    // The victim's address is held from JPCERT/CC: found inside, not by JPCERT/CC.
    assert.deepEqual((await f.search(home, { q: 'staff.member@victim.example' })).body.results!.map((r) => r.id), [o.victim.id]);
    assert.deepEqual((await f.search(jp, { q: 'staff.member@victim.example' })).body.results, []);
    // A word of text the gate redacts for JPCERT/CC: found inside, not by JPCERT/CC.
    assert.deepEqual((await f.search(home, { q: 'ravi' })).body.results!.map((r) => r.id), [o.phishing.id]);
    assert.deepEqual((await f.search(jp, { q: 'ravi' })).body.results, []);
    // JPCERT/CC still finds the indicator by its pattern value, and reads it as served.
    const foreign = await f.search(jp, { q: 'email:billing@paypa1-secure.example', type: 'indicator' });
    assert.deepEqual(foreign.body.results!.map((r) => r.id), [o.phishing.id]);
    // The Aadhaar note (held) is not found by its words.
    assert.deepEqual((await f.search(home, { q: 'confirmed' })).body.results!.map((r) => r.id), [o.aadhaarNote.id]);
    assert.deepEqual((await f.search(jp, { q: 'confirmed' })).body.results, []);
  } finally {
    await f.close();
  }
});

test('pages chain through next, newest first, and filters narrow', async () => {
  const f = await fixture();
  try {
    const home = await f.token('cert-in-node', 'reader');
    const all = await f.search(home, { q: 'type:email-addr' });
    assert.equal(all.body.results!.length, 2);
    const first = await f.search(home, { q: 'type:email-addr', limit: '1' });
    assert.equal(first.body.results!.length, 1);
    assert.equal(typeof first.body.next, 'string');
    const second = await f.search(home, { q: 'type:email-addr', limit: '1', cursor: first.body.next! });
    assert.deepEqual([...first.body.results!, ...second.body.results!].map((r) => r.id), all.body.results!.map((r) => r.id));
    assert.equal(second.body.next, null);
    assert.deepEqual((await f.search(home, { q: 'type:email-addr', tlp: 'red' })).body.results, []);
    assert.deepEqual((await f.search(home, { q: 'type:email-addr', collection: 'no-such' })).body.results, []);
    assert.deepEqual((await f.search(home, { q: 'type:email-addr collection:"IN-JP G2G"' })).body.results!.length, 2);
    assert.deepEqual((await f.search(home, { q: 'type:email-addr', since: '2999-01-01T00:00:00Z' })).body.results, []);
    // An organisation that reads no collection finds nothing.
    assert.deepEqual((await f.search(await f.token('outsider', 'reader'), { q: 'type:email-addr' })).body.results, []);
  } finally {
    await f.close();
  }
});

test('bad queries and parameters are 400 with the search code', async () => {
  const f = await fixture();
  try {
    const home = await f.token('cert-in-node', 'reader');
    for (const [query, code] of [
      [{ q: '' }, 'SETU_ERR_SEARCH_EMPTY_QUERY'],
      [{ q: '"open' }, 'SETU_ERR_SEARCH_UNTERMINATED_QUOTE'],
      [{ q: 'sha256:abc' }, 'SETU_ERR_SEARCH_BAD_FIELD_VALUE'],
      [{ q: 'x', limit: '0' }, 'SETU_ERR_SEARCH_BAD_PARAMETER'],
      [{ q: 'x', limit: 'ten' }, 'SETU_ERR_SEARCH_BAD_PARAMETER'],
      [{ q: 'x', tlp: 'pink' }, 'SETU_ERR_SEARCH_BAD_PARAMETER'],
      [{ q: 'x', type: 'Not A Type!' }, 'SETU_ERR_SEARCH_BAD_PARAMETER'],
      [{ q: 'x', cursor: 'bogus!' }, 'SETU_ERR_SEARCH_BAD_CURSOR'],
      [{ q: 'x', since: 'yesterday' }, 'SETU_ERR_SEARCH_BAD_PARAMETER'],
    ] as const) {
      const res = await f.search(home, query);
      assert.equal(res.status, 400, JSON.stringify(query));
      assert.equal(res.body.error_code, code, JSON.stringify(query));
    }
    const res = await f.search('not-a-token', { q: 'x' });
    assert.equal(res.status, 401);
  } finally {
    await f.close();
  }
});
