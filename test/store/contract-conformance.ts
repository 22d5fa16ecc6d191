// Contract: replay the reference TAXII server's (medallion) GET requests on its default data set
// and compare which object versions come back. Vectors live outside the repo, in
// ../shared/conformance/ (see its README); the suite skips visibly when they are absent.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ObjectQuery, Store, VersionSelector } from '../../src/store/index.js';
import { collection, type MakeStore } from './helpers.js';

const DIR = fileURLToPath(new URL('../../../shared/conformance/', import.meta.url));
const COLLECTION = '91a7b528-80eb-42ed-a74d-c6fbd5a26116';

interface Case {
  request: { method: string; path: string };
  response: { status: number; body: unknown };
}
type Stix = Record<string, unknown> & { id: string; type: string };

function versionOf(o: Stix): string | null {
  return (o['modified'] as string | undefined) ?? (o['created'] as string | undefined) ?? null;
}

/** Loads the collection in date_added order, with the clock set to each recorded date_added. */
async function load(makeStore: MakeStore): Promise<Store> {
  const data = JSON.parse(readFileSync(`${DIR}medallion_default_data.json`, 'utf8')) as {
    trustgroup1: { collections: { id: string; objects: Stix[]; manifest: { id: string; version: string; date_added: string }[] }[] };
  };
  const source = data.trustgroup1.collections.find((c) => c.id === COLLECTION)!;
  let now = 0;
  const store = await makeStore({ clock: () => now });
  await store.createCollection(collection(COLLECTION));
  const entries = [...source.manifest].sort((a, b) => a.date_added.localeCompare(b.date_added));
  for (const [i, entry] of entries.entries()) {
    const object = source.objects.find((o) => o.id === entry.id && versionOf(o) === entry.version)!;
    now = Date.parse(entry.date_added);
    await store.addObjects({
      collectionId: COLLECTION,
      statusId: `load-${i}`,
      requestTimestamp: entry.date_added,
      accepted: [{ id: object.id, type: object.type, specVersion: (object['spec_version'] as string | undefined) ?? '2.0', version: versionOf(object), json: JSON.stringify(object) }],
      rejected: [],
    });
  }
  return store;
}

/** The store query a TAXII GET maps to, or undefined for requests this replay does not cover. */
function toQuery(path: string): { query: ObjectQuery; kind: 'objects' | 'manifest' | 'versions' } | undefined {
  const url = new URL(path, 'http://x');
  const m = /^\/trustgroup1\/collections\/([^/]+)\/(objects|manifest)\/(?:([^/]+)\/?(versions)?\/?)?$/.exec(url.pathname);
  if (m === null || m[1] !== COLLECTION) return undefined;
  const p = url.searchParams;
  if (p.has('limit') || p.has('next')) return undefined;
  const split = (name: string) => p.get(name)?.split(',');
  const ids = m[3] !== undefined ? [m[3]] : split('match[id]');
  const versionTerms = split('match[version]') ?? (m[4] !== undefined ? ['all'] : undefined);
  const versions = versionTerms?.map((v): VersionSelector => (v === 'first' || v === 'last' || v === 'all' ? { kind: v } : { kind: 'at', timestamp: v }));
  const query: ObjectQuery = {
    collectionId: COLLECTION,
    limit: 1000,
    withJson: true,
    ...(ids === undefined ? {} : { ids }),
    ...(split('match[type]') === undefined ? {} : { types: split('match[type]')! }),
    ...(versions === undefined ? {} : { versions }),
    ...(split('match[spec_version]') === undefined ? {} : { specVersions: split('match[spec_version]')! }),
    ...(p.get('added_after') === null ? {} : { addedAfter: p.get('added_after')! }),
  };
  return { query, kind: m[4] !== undefined ? 'versions' : (m[2] as 'objects' | 'manifest') };
}

export function conformanceContract(makeStore: MakeStore): void {
  describe('conformance: medallion trace (GET on its default collection)', () => {
    it('returns the same object versions as the reference server', async (t) => {
      if (!existsSync(`${DIR}taxii_medallion_trace.json`)) {
        t.skip('../shared/conformance/ is absent: medallion vectors not available');
        return;
      }
      const trace = JSON.parse(readFileSync(`${DIR}taxii_medallion_trace.json`, 'utf8')) as { cases: Case[] };
      const store = await load(makeStore);
      let compared = 0;
      try {
        for (const c of trace.cases) {
          if (c.request.method !== 'GET') {
            if (c.request.path.includes(COLLECTION)) break; // later state depends on writes
            continue;
          }
          const mapped = toQuery(c.request.path);
          if (mapped === undefined || (c.response.status !== 200 && c.response.status !== 404)) continue;
          const page = await store.queryObjects(mapped.query);
          const got = page.records.map((r) => `${r.id} ${r.version}`).sort();
          const body = c.response.body as { objects?: Stix[]; versions?: string[] } | string;
          let expected: string[] = [];
          if (c.response.status === 200 && typeof body === 'object') {
            if (mapped.kind === 'versions') expected = (body.versions ?? []).map((v) => `${mapped.query.ids![0]} ${v}`);
            else if (mapped.kind === 'manifest') expected = (body.objects ?? []).map((o) => `${o.id} ${String(o['version'])}`);
            else expected = (body.objects ?? []).map((o) => `${o.id} ${versionOf(o)}`);
          }
          assert.deepEqual(got, expected.sort(), c.request.path);
          compared += 1;
        }
      } finally {
        await store.close();
      }
      assert.ok(compared >= 20, `compared ${compared} requests`);
    });
  });
}
