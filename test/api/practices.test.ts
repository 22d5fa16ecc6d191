// GET /api/v1/practices/for/{id} (inject, no socket): what to do about an object as the caller may
// read it, in the language asked for; RED of others never shows; errors name what was wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { buildApp } from '../../src/app.js';
import { issueToken, loadGateConfig, openNode } from '../../src/node/index.js';
import { IDS, practicesNode } from '../practices/fixture.js';

async function fixture() {
  const { dir } = await practicesNode();
  const clock = () => Date.parse('2026-11-27T12:00:00.000Z');
  const node = await openNode(dir, clock);
  const token = async (orgId: string) => (await issueToken(node.store, { orgId, role: 'analyst' }, clock, randomUUID)).secret;
  const tokens = { bank: await token('bank-a'), certIn: await token('cert-in'), jpcert: await token('jpcert'), tata: await token('tata-power') };
  const gate = await loadGateConfig(dir, node.info);
  const app = await buildApp({ store: node.store, config: node.config, info: node.info, clock, newId: randomUUID, logger: false, version: 'test', gate });
  const get = (url: string, secret?: string) => app.http.inject({ method: 'GET', url: `/api/v1${url}`, headers: secret === undefined ? {} : { authorization: `Bearer ${secret}` } });
  return { tokens, get, close: async () => (await app.http.close(), await node.store.close()) };
}

type Advice = { language: string; techniques: { attackId: string; paths: { via: string }[][]; mitigations: { id: string; attackId?: string; text: { name: string; language: string; translatedBy?: string } }[] }[]; practices: { id: string }[]; skipped: { id: string; reason: string }[] };

test('GET /practices/for/{sighting}: technique, path, mitigations and shared practices; ?lang=ja translates', async () => {
  const f = await fixture();
  try {
    const res = await f.get(`/practices/for/${IDS.sighting}`, f.tokens.certIn);
    assert.equal(res.statusCode, 200, res.body);
    const advice = res.json() as Advice;
    assert.equal(advice.language, 'en');
    assert.deepEqual(advice.techniques.map((t) => t.attackId), ['T0880']);
    assert.deepEqual(advice.techniques[0]?.paths[0]?.map((s) => s.via), ['sighting_of_ref', 'indicates', 'uses']);
    assert.deepEqual(advice.techniques[0]?.mitigations.map((m) => m.attackId ?? m.id), ['M0812']);
    assert.deepEqual(advice.practices.map((p) => p.id), [IDS.note]);
    assert.deepEqual(advice.skipped.map((s) => s.reason).sort(), ['deprecated', 'revoked']);

    const ja = (await f.get(`/practices/for/${IDS.sighting}?lang=ja`, f.tokens.certIn)).json() as Advice;
    assert.deepEqual(ja.techniques[0]?.mitigations[0]?.text, { name: '安全計装システム', description: '安全計装システムを使用する。', language: 'ja', translatedBy: IDS.mitigationJa });
  } finally {
    await f.close();
  }
});

test('a RED course of action of Tata Power shows for Tata and for Bank A where it names Bank A, never for others; JPCERT/CC reads through the gate', async () => {
  const f = await fixture();
  try {
    const ids = async (secret: string) => {
      const res = await f.get(`/practices/for/${IDS.malware}`, secret);
      assert.equal(res.statusCode, 200, res.body);
      return (res.json() as Advice).techniques.flatMap((t) => t.mitigations.map((m) => m.id));
    };
    assert.deepEqual((await ids(f.tokens.certIn)).sort(), [IDS.mitigation]);
    assert.deepEqual((await ids(f.tokens.bank)).sort(), [IDS.mitigation, IDS.redForBank].sort());
    assert.deepEqual((await ids(f.tokens.tata)).sort(), [IDS.mitigation, IDS.redPrivate, IDS.redForBank].sort());
    assert.deepEqual(await ids(f.tokens.jpcert), [IDS.mitigation]);
    const hidden = await f.get(`/practices/for/${IDS.redPrivate}`, f.tokens.bank);
    assert.equal(hidden.statusCode, 404, 'asking about it directly: no such object, exactly as for one that does not exist');
    assert.equal(hidden.json().error_code, 'SETU_ERR_API_NOT_FOUND');
  } finally {
    await f.close();
  }
});

test('errors: an unknown language is a 400 naming lang; an unknown object a 404; no credentials a 401', async () => {
  const f = await fixture();
  try {
    const lang = await f.get(`/practices/for/${IDS.sighting}?lang=fr`, f.tokens.certIn);
    assert.equal(lang.statusCode, 400);
    assert.equal(lang.json().error_code, 'SETU_ERR_API_BAD_REQUEST');
    assert.match(lang.json().description, /"lang" must be one of en, ja, hi/);
    const missing = await f.get('/practices/for/indicator--99999999-0000-4000-8000-000000000000', f.tokens.certIn);
    assert.equal(missing.statusCode, 404);
    assert.match(missing.json().description, /No object indicator--99999999/);
    const malformed = await f.get('/practices/for/not-a-stix-id', f.tokens.certIn);
    assert.equal(malformed.statusCode, 404, malformed.body);
    assert.equal((await f.get(`/practices/for/${IDS.sighting}`)).statusCode, 401);
  } finally {
    await f.close();
  }
});
