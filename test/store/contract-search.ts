// Contract: the search indexes (migration 11, store/types-search.ts). A value is found in an SCO,
// an indicator pattern and an observed-data, and a sighting is found through its evidence; CIDR
// blocks and parent domains through the keys search/searchKeysFor probes; English, Japanese and
// Hindi words; the reader predicate, the gate verdicts and the collections bound every match
// (evidence included); newest first with exact pages; deletes take index rows along; reindex
// rebuilds them. Uses only the Store interface.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { NewObjectVersion, SearchCondition, SearchObjectsQuery, Store } from '../../src/store/index.js';
import { searchKeysFor, wordsOf } from '../../src/search/index.js';
import { add, storeWithCollections, T0, type MakeStore } from './helpers.js';

const V = '2026-01-01T00:00:00.000Z';

type Body = { readonly type: string; readonly id: string } & Record<string, unknown>;

export function sdo(body: Body, visibility?: NewObjectVersion['visibility']): NewObjectVersion {
  const object = { spec_version: '2.1', created: V, modified: V, ...body };
  return { id: object.id, type: object.type, specVersion: '2.1', version: V, json: JSON.stringify(object), ...(visibility === undefined ? {} : { visibility }) };
}

export function sco(body: Body, visibility?: NewObjectVersion['visibility']): NewObjectVersion {
  const object = { spec_version: '2.1', ...body };
  return { id: object.id, type: object.type, specVersion: '2.1', version: null, json: JSON.stringify(object), ...(visibility === undefined ? {} : { visibility }) };
}

const value = (text: string): SearchCondition => ({ kind: 'terms', keys: searchKeysFor(text) });
const words = (text: string, field: 'name' | 'all' = 'all', phrase = false): SearchCondition => ({ kind: 'words', words: wordsOf(text), phrase, field });

async function ids(store: Store, conditions: readonly SearchCondition[], extra: Partial<SearchObjectsQuery> = {}): Promise<string[]> {
  const page = await store.searchObjects({ collections: ['c1', 'c2'], conditions, limit: 100, ...extra });
  return page.records.map((r) => r.id);
}

const IP_SCO = 'ipv4-addr--0b6a3ed7-1e0a-5b3c-9d2e-4f5a6b7c8d90';
const NET_SCO = 'ipv4-addr--1b6a3ed7-1e0a-5b3c-9d2e-4f5a6b7c8d91';
const DOMAIN_SCO = 'domain-name--2b6a3ed7-1e0a-5b3c-9d2e-4f5a6b7c8d92';
const INDICATOR = 'indicator--3b6a3ed7-1e0a-4b3c-9d2e-4f5a6b7c8d93';
const OBSERVED = 'observed-data--4b6a3ed7-1e0a-4b3c-9d2e-4f5a6b7c8d94';
const SIGHTING = 'sighting--5b6a3ed7-1e0a-4b3c-9d2e-4f5a6b7c8d95';
const REPORT_JA = 'report--6b6a3ed7-1e0a-4b3c-9d2e-4f5a6b7c8d96';
const REPORT_HI = 'report--7b6a3ed7-1e0a-4b3c-9d2e-4f5a6b7c8d97';
const NOTE = 'note--8b6a3ed7-1e0a-4b3c-9d2e-4f5a6b7c8d98';
const RED = 'indicator--9b6a3ed7-1e0a-4b3c-9d2e-4f5a6b7c8d99';

async function world(makeStore: MakeStore): Promise<Store> {
  const store = await storeWithCollections(makeStore, { clock: () => T0 });
  await add(store, [
    sco({ type: 'ipv4-addr', id: IP_SCO, value: '198.51.100.7' }),
    sco({ type: 'ipv4-addr', id: NET_SCO, value: '203.0.113.0/24' }),
    sco({ type: 'domain-name', id: DOMAIN_SCO, value: 'bad.example' }),
    sdo({ type: 'indicator', id: INDICATOR, name: 'C2 server', pattern: "[ipv4-addr:value = '198.51.100.7']", pattern_type: 'stix', valid_from: V }),
    sdo({ type: 'observed-data', id: OBSERVED, first_observed: V, last_observed: V, number_observed: 1, object_refs: [IP_SCO] }),
    sdo({ type: 'sighting', id: SIGHTING, sighting_of_ref: INDICATOR, observed_data_refs: [OBSERVED] }),
    sdo({ type: 'report', id: REPORT_JA, name: '東京電力の攻撃', description: 'ランサムウェア攻撃の報告', published: V, object_refs: [INDICATOR] }),
    sdo({ type: 'report', id: REPORT_HI, name: 'साइबर हमला की रिपोर्ट', description: 'नमस्ते दुनिया', published: V, object_refs: [INDICATOR] }),
  ]);
  await add(store, [sdo({ type: 'note', id: NOTE, content: 'Lateral movement seen from the C2 server', object_refs: [INDICATOR] })], 'c2');
  return store;
}

export function searchContract(makeStore: MakeStore): void {
  describe('search indexes', () => {
    it('a value is found in an SCO, an indicator pattern, the observed-data holding it and the sighting of that evidence', async () => {
      const store = await world(makeStore);
      try {
        assert.deepEqual((await ids(store, [value('198.51.100.7')])).sort(), [IP_SCO, INDICATOR, OBSERVED, SIGHTING].sort());
        // Defanged forms read as the value.
        assert.deepEqual((await ids(store, [value('198.51.100[.]7')])).sort(), [IP_SCO, INDICATOR, OBSERVED, SIGHTING].sort());
        assert.deepEqual(await ids(store, [value('198.51.100.8')]), []);
      } finally {
        await store.close();
      }
    });

    it('an address finds the block that holds it; a subdomain finds its parent', async () => {
      const store = await world(makeStore);
      try {
        assert.deepEqual(await ids(store, [value('203.0.113.45')]), [NET_SCO]);
        assert.deepEqual(await ids(store, [value('mail.bad.example')]), [DOMAIN_SCO]);
        // A parent does not find its children; an address outside the block finds nothing.
        assert.deepEqual(await ids(store, [value('example')]), []);
        assert.deepEqual(await ids(store, [value('203.0.114.1')]), []);
      } finally {
        await store.close();
      }
    });

    it('English, Japanese and Hindi words are found; a name: search looks in names only; phrases need adjacency', async () => {
      const store = await world(makeStore);
      try {
        assert.deepEqual((await ids(store, [words('lateral')])), [NOTE]);
        assert.deepEqual((await ids(store, [words('c2 server')])).sort(), [INDICATOR, NOTE].sort());
        assert.deepEqual((await ids(store, [words('movement lateral', 'all', true)])), []);
        assert.deepEqual((await ids(store, [words('lateral movement', 'all', true)])), [NOTE]);
        assert.deepEqual((await ids(store, [words('server', 'name')])), [INDICATOR]);
        for (const word of ['攻撃', '東京', '東京電力', 'ランサムウェア', 'ランサム']) assert.deepEqual(await ids(store, [words(word)]), [REPORT_JA], word);
        for (const word of ['हमला', 'नमस्ते', 'दुनिया']) assert.deepEqual(await ids(store, [words(word)]), [REPORT_HI], word);
        // A Devanagari word is whole: its stem without the vowel sign is another word.
        assert.deepEqual(await ids(store, [words('हमल')]), []);
        assert.deepEqual(await ids(store, [words('रिपोर्ट', 'name')]), [REPORT_HI]);
      } finally {
        await store.close();
      }
    });

    it('conditions combine (AND) with type, id and TLP; collections bound the search; newest first, paged exactly', async () => {
      const store = await world(makeStore);
      try {
        assert.deepEqual(await ids(store, [value('198.51.100.7'), { kind: 'type', value: 'indicator' }]), [INDICATOR]);
        assert.deepEqual(await ids(store, [{ kind: 'id', value: NOTE }]), [NOTE]);
        assert.deepEqual(await ids(store, [words('server')], { collections: ['c2'] }), [NOTE]);
        assert.deepEqual(await ids(store, [words('server')], { collections: [] }), []);
        assert.deepEqual(await ids(store, [{ kind: 'tlp', value: 'red' }]), []);
        const all = await store.searchObjects({ collections: ['c1', 'c2'], conditions: [value('198.51.100.7')], limit: 100 });
        const seqs = all.records.map((r) => r.seq);
        assert.deepEqual(seqs, [...seqs].sort((a, b) => b - a));
        const first = await store.searchObjects({ collections: ['c1', 'c2'], conditions: [value('198.51.100.7')], limit: 3 });
        assert.equal(first.more, true);
        const second = await store.searchObjects({ collections: ['c1', 'c2'], conditions: [value('198.51.100.7')], limit: 3, beforeSeq: first.records.at(-1)!.seq });
        assert.equal(second.more, false);
        assert.deepEqual([...first.records, ...second.records].map((r) => r.seq), seqs);
        const record = first.records[0]!;
        assert.equal(record.collectionId, 'c1');
        assert.equal(record.tlp, 'green');
        assert.equal(typeof record.json, 'string');
      } finally {
        await store.close();
      }
    });

    it('the reader predicate and the gate verdicts bound matches and the evidence a match goes through', async () => {
      const store = await world(makeStore);
      const red = { tlp: 'red' as const, ownerOrg: 'org-a', recipients: ['identity--b'], hasGranular: false };
      try {
        await add(store, [sdo({ type: 'indicator', id: RED, name: 'secret', pattern: "[ipv4-addr:value = '192.0.2.99']", pattern_type: 'stix', valid_from: V }, red)]);
        const a = { orgId: 'org-a', identityId: 'identity--a' };
        const b = { orgId: 'org-b', identityId: 'identity--b' };
        const c = { orgId: 'org-c', identityId: 'identity--c' };
        assert.deepEqual(await ids(store, [value('192.0.2.99')], { reader: a }), [RED]);
        assert.deepEqual(await ids(store, [value('192.0.2.99')], { reader: b }), [RED]);
        assert.deepEqual(await ids(store, [value('192.0.2.99')], { reader: c }), []);
        assert.deepEqual(await ids(store, [words('secret')], { reader: c }), []);
        // Anonymous readers see CLEAR only (the collections default to GREEN here).
        assert.deepEqual(await ids(store, [value('198.51.100.7')], { reader: { orgId: null, identityId: null } }), []);
        // A sighting found through an observed-data the gate has not passed is not found.
        const [observed] = (await store.searchObjects({ collections: ['c1'], conditions: [{ kind: 'id', value: OBSERVED }], limit: 1 })).records;
        const [sighting] = (await store.searchObjects({ collections: ['c1'], conditions: [{ kind: 'id', value: SIGHTING }], limit: 1 })).records;
        await store.recordGateVerdicts({ collectionId: 'c1', reader: 'org-x', fingerprint: 'f', uptoSeq: 0, reset: false, verdicts: [{ seq: sighting!.seq, pass: true }] });
        assert.deepEqual(await ids(store, [value('198.51.100.7')], { gateReader: 'org-x' }), []);
        await store.recordGateVerdicts({ collectionId: 'c1', reader: 'org-x', fingerprint: 'f', uptoSeq: 0, reset: false, verdicts: [{ seq: observed!.seq, pass: true }] });
        // The observed-data holds no value itself (its SCO has no verdict): neither it nor the sighting is found.
        assert.deepEqual(await ids(store, [value('198.51.100.7')], { gateReader: 'org-x' }), []);
        assert.deepEqual(await ids(store, [{ kind: 'id', value: SIGHTING }], { gateReader: 'org-x' }), [SIGHTING]);
      } finally {
        await store.close();
      }
    });

    it('a delete takes its index rows along; reindex rebuilds every version and finds the same', async () => {
      const store = await world(makeStore);
      try {
        const before = await ids(store, [value('198.51.100.7')]);
        const jaBefore = await ids(store, [words('攻撃')]);
        const seen: [number, number][] = [];
        const indexed = await store.reindexSearch((done, total) => seen.push([done, total]));
        assert.equal(indexed, await store.countObjects());
        assert.deepEqual(seen.at(-1), [indexed, indexed]);
        assert.deepEqual(await ids(store, [value('198.51.100.7')]), before);
        assert.deepEqual(await ids(store, [words('攻撃')]), jaBefore);
        assert.equal(await store.deleteObject('c1', INDICATOR, {}), 1);
        assert.deepEqual((await ids(store, [value('198.51.100.7')])).sort(), [IP_SCO, OBSERVED, SIGHTING].sort());
        assert.equal(await store.deleteObject('c1', REPORT_JA, {}), 1);
        assert.deepEqual(await ids(store, [words('攻撃')]), []);
        assert.equal(await store.deleteObject('c2', NOTE, {}), 1);
        assert.deepEqual(await ids(store, [words('lateral')]), []);
        assert.equal(await store.reindexSearch(), await store.countObjects());
      } finally {
        await store.close();
      }
    });

    it('a value too long for an index key, text with NUL characters and very long text never fail the write', async () => {
      const store = await world(makeStore);
      try {
        const long = `http://long.example/${'a'.repeat(5000)}`;
        const result = await add(store, [
          sco({ type: 'url', id: 'url--0b6a3ed7-1e0a-5b3c-9d2e-4f5a6b7c8d90', value: long }),
          sdo({ type: 'note', id: 'note--0b6a3ed7-1e0a-4b3c-9d2e-4f5a6b7c8d90', content: `nul\u0000here 東京\u0000 ${'word '.repeat(60_000)}`, object_refs: [NOTE] }),
        ]);
        assert.equal(result.status.successCount, 2, JSON.stringify(result.status.failures));
        assert.deepEqual(await ids(store, [value('long.example')]), []);
        assert.deepEqual(await ids(store, [words('nul')]), ['note--0b6a3ed7-1e0a-4b3c-9d2e-4f5a6b7c8d90']);
        assert.deepEqual(await ids(store, [words('東京')]), ['note--0b6a3ed7-1e0a-4b3c-9d2e-4f5a6b7c8d90', REPORT_JA]);
      } finally {
        await store.close();
      }
    });

    it('a bad limit, cursor or since is a store query error', async () => {
      const store = await world(makeStore);
      try {
        for (const extra of [{ limit: 0 }, { beforeSeq: -1 }, { since: 'yesterday' }]) {
          await assert.rejects(store.searchObjects({ collections: ['c1'], conditions: [], limit: 10, ...extra }), { code: 'SETU_ERR_STORE_INVALID_QUERY' });
        }
      } finally {
        await store.close();
      }
    });
  });
}
