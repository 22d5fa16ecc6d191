// Property: for every organisation of a random multi-organisation world (readers in the node's
// country and in another, one with no country on record; notes, identities and e-mail addresses
// carrying personal data; every TLP, RED with and without recipients; objects with two versions),
// what it reads directly over TAXII (Get Objects, every version, walked page by page) is exactly,
// in order and byte for byte, what `share preview --to it --as it` lists as sent; the same for an
// anonymous reader of a public collection. And the preview
// lists every version of the collection, those the organisation may not read as not readable.
// Fixed seed. Requests go through inject(), no socket.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import fc from 'fast-check';
import { BUILT_IN_PROFILES, SETU_RECIPIENTS_EXTENSION_ID, newToken, orgIdentityId } from '../../src/access/index.js';
import { ingest } from '../../src/ingest/index.js';
import { ANONYMOUS_READER, foreignReads, previewShare, type ShareSetup } from '../../src/node/index.js';
import { openSqliteStore, type Store } from '../../src/store/index.js';
import { PG_URL, SKIP_REASON, TestSchemas } from '../store/postgres-helpers.js';
import { taxiiPlugin } from '../../src/taxii/index.js';

const TAXII = 'application/taxii+json;version=2.1';
const RUNS = 60;
const T = '2026-01-01T00:00:00.000Z';
const T2 = '2026-02-01T00:00:00.000Z';
const COLLECTION = '11111111-2222-4333-8444-555555555555';

/** id, country (null: none on record), consents to attribution. */
const ORGS = [
  ['in-a', 'IN', true],
  ['in-b', 'IN', false],
  ['jp-a', 'JP', false],
  ['jp-b', 'JP', true],
  ['nowhere', null, false],
] as const;
const ORG_IDS = ORGS.map(([id]) => id);

const TLP = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
} as const;
type Tlp = keyof typeof TLP;

const TEXTS = [
  'Seen from the usual botnet range.',
  'Reported by priya.sharma@gmail.example, mobile +91 98765 43210.',
  'Victim UID 2341 2341 2346 confirmed by the bank.',
  'Contact the SOC at soc@bank.example.in.',
  'Customer 1234 5678 9018 named in the leak.',
  'Phishing from billing@paypa1-secure.example again.',
];
const ADDRESSES = ['billing@paypa1-secure.example', 'staff.member@victim.example', 'abuse@isp.example'];

interface Thing {
  readonly kind: 'note' | 'indicator' | 'email-addr' | 'person' | 'org-identity';
  readonly owner: number;
  readonly tlp: Tlp | null;
  readonly recipients: readonly number[] | null;
  readonly text: number;
  readonly address: number;
  readonly attributed: boolean;
  readonly twoVersions: boolean;
}

const thing: fc.Arbitrary<Thing> = fc.record({
  kind: fc.constantFrom('note', 'indicator', 'email-addr', 'person', 'org-identity'),
  owner: fc.nat(ORGS.length - 1),
  tlp: fc.option(fc.constantFrom(...(Object.keys(TLP) as Tlp[])), { nil: null }),
  recipients: fc.option(fc.subarray([0, 1, 2, 3, 4], { minLength: 1 }), { nil: null }),
  text: fc.nat(TEXTS.length - 1),
  address: fc.nat(ADDRESSES.length - 1),
  attributed: fc.boolean(),
  twoVersions: fc.boolean(),
});

interface World {
  readonly audience: readonly number[];
  /** Anonymous readers may read its TLP:CLEAR objects. */
  readonly isPublic: boolean;
  readonly things: readonly Thing[];
}

const world: fc.Arbitrary<World> = fc.record({
  audience: fc.subarray([0, 1, 2, 3, 4], { minLength: 1 }),
  isPublic: fc.boolean(),
  things: fc.array(thing, { minLength: 1, maxLength: 8 }),
});

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** The STIX versions of one thing (n: its index), as its owner posts them. */
function versionsOf(t: Thing, n: number): Record<string, unknown>[] {
  const owner = ORG_IDS[t.owner]!;
  const markings = t.tlp === null ? {} : { object_marking_refs: [TLP[t.tlp]] };
  const recipients =
    t.tlp === 'red' && t.recipients !== null
      ? { extensions: { [SETU_RECIPIENTS_EXTENSION_ID]: { extension_type: 'property-extension', recipients: t.recipients.map((r) => orgIdentityId(ORG_IDS[r]!)) } } }
      : {};
  const by = t.attributed ? { created_by_ref: orgIdentityId(owner) } : {};
  const text = TEXTS[t.text]!;
  const address = ADDRESSES[t.address]!;
  const sdo = (type: string, body: Record<string, unknown>, id = `${type}--${uuid(n + 1)}`) => {
    const first = { type, spec_version: '2.1', id, created: T, modified: T, ...by, ...markings, ...recipients, ...body };
    return t.twoVersions ? [first, { ...first, modified: T2, description: `${text} (update)` }] : [first];
  };
  switch (t.kind) {
    case 'note':
      return sdo('note', { content: text, object_refs: [`indicator--${uuid(1000)}`] });
    case 'indicator':
      return sdo('indicator', { name: `Sender ${address}`, description: text, pattern: `[email-addr:value = '${address}']`, pattern_type: 'stix', valid_from: T });
    case 'person':
      return sdo('identity', { name: 'Anjali Rao', identity_class: 'individual', description: text });
    case 'org-identity':
      return sdo('identity', { name: owner, identity_class: 'organization' }, orgIdentityId(owner));
    case 'email-addr':
      return [{ type: 'email-addr', spec_version: '2.1', id: `email-addr--${uuid(5000 + t.address)}`, value: address, ...markings, ...recipients }];
  }
}

/** What the worlds exercised, so the property cannot pass by never meeting a case. */
const exercised = { anonymous: 0, redacted: 0, pseudonymised: 0, held: 0, withheld: 0, notReadable: 0, inside: 0 };

type OpenStore = (clock: () => number) => Promise<Store>;

async function check(w: World, open: OpenStore): Promise<void> {
  const clock = () => Date.parse('2026-03-01T00:00:00.000Z');
  const store = await open(clock);
  const app = Fastify({ logger: false });
  try {
    await store.initNode({ nodeName: 'CERT-In Node', country: 'IN', createdAt: T });
    const tokens = new Map<string, string>();
    for (const [id, country, consent] of ORGS) {
      await store.createOrganisation({ id, name: id, country, createdAt: T, ...(consent ? { attributionConsent: true } : {}) });
      const { secret, record } = newToken({ orgId: id, role: 'reader', label: id, now: T, newId: randomUUID, expiresAt: null });
      await store.createToken(record);
      tokens.set(id, secret);
    }
    const audience = w.audience.map((i) => ORG_IDS[i]!);
    await store.createCollection({ id: COLLECTION, title: 'IN-JP', description: null, alias: null, readOrgs: audience, writeOrgs: [...ORG_IDS], mediaTypes: [], createdAt: T, ...(w.isPublic ? { public: true } : {}) });
    let status = 0;
    let stored = 0;
    const seen = new Set<string>();
    for (const [n, t] of w.things.entries()) {
      // One object id per world: a second thing with the same id (e.g. the same org identity) is left out.
      const versions = versionsOf(t, n).filter((v) => !seen.has(`${String(v['id'])} ${String(v['modified'] ?? '')}`));
      for (const v of versions) seen.add(`${String(v['id'])} ${String(v['modified'] ?? '')}`);
      if (versions.length === 0) continue;
      const result = await ingest({
        store,
        collectionId: COLLECTION,
        rawObjects: versions.map((v) => JSON.stringify(v)),
        clock,
        newId: () => `status-${(status += 1)}`,
        events: { emit: () => true },
        submitter: { orgId: ORG_IDS[t.owner]! },
      });
      stored += result.added.length;
    }

    const key = new Uint8Array(32).fill(7);
    const profile = BUILT_IN_PROFILES['IN']!;
    await app.register(taxiiPlugin, {
      store,
      clock,
      newId: randomUUID,
      events: { emit: () => true },
      title: 'Setu property node',
      maxContentLength: 1_000_000,
      foreignReads: foreignReads({ store, profile, pseudonymKey: key, country: 'IN', clock, newId: randomUUID }),
    });
    await app.ready();
    const setup: ShareSetup = { store, profile, pseudonymKey: key, clock, newId: randomUUID, home: 'IN' };

    for (const org of [...audience, ...(w.isPublic ? [null] : [])]) {
      // Read every version, three at a time (org null: anonymously).
      const read: string[] = [];
      let next: string | undefined;
      for (let guard = 0; guard < 100; guard++) {
        const url = `/taxii2/setu/collections/${COLLECTION}/objects/?match[version]=all&limit=3${next === undefined ? '' : `&next=${encodeURIComponent(next)}`}`;
        const res = await app.inject({ method: 'GET', url, headers: { accept: TAXII, ...(org === null ? {} : { authorization: `Bearer ${tokens.get(org)}` }) } });
        assert.equal(res.statusCode, 200, res.body);
        const body = res.json() as { more: boolean; next?: string; objects?: unknown[] };
        read.push(...(body.objects ?? []).map((o) => JSON.stringify(o)));
        if (!body.more) break;
        next = body.next;
      }
      const preview =
        org === null
          ? await previewShare(setup, { to: ANONYMOUS_READER, actor: ANONYMOUS_READER, anonymous: true, kind: 'organisation', collections: [COLLECTION] })
          : await previewShare(setup, { to: org, actor: org, kind: 'organisation', collections: [COLLECTION] });
      const sent = preview.objects.flatMap((d) => (d.outcome === 'send' ? [JSON.stringify(JSON.parse(d.json))] : []));
      assert.deepEqual(read, sent, `what ${org} reads directly is what a share to it sends`);
      assert.equal(preview.objects.length, stored, 'the preview lists every version of the collection');
      for (const d of preview.objects) {
        if (d.outcome === 'withhold' && d.reasons.some((r) => r.source === 'access')) {
          assert.equal(d.contentHash, '');
          exercised.notReadable++;
        } else if (d.outcome === 'withhold') exercised.withheld++;
        else if (d.outcome === 'hold') exercised.held++;
        else {
          if (d.redactions.length > 0) exercised.redacted++;
          if (d.pseudonyms.length > 0) exercised.pseudonymised++;
        }
      }
      if (org === null) {
        exercised.anonymous++;
        continue;
      }
      const [, country] = ORGS.find(([id]) => id === org)!;
      if (country === 'IN') {
        exercised.inside++;
        // Inside the jurisdiction: nothing is redacted, pseudonymised, held or withheld by the gate.
        assert.ok(preview.objects.every((d) => d.outcome === 'send' || d.reasons.every((r) => r.source !== 'gate' && r.source !== 'review')));
        assert.ok(preview.objects.every((d) => d.outcome !== 'send' || (d.redactions.length === 0 && d.pseudonyms.length === 0)));
      }
    }
  } finally {
    await app.close();
    await store.close();
  }
}

test(`foreign reads: for every organisation, the direct read equals the share preview to it (${RUNS} worlds, fixed seed)`, async () => {
  await fc.assert(fc.asyncProperty(world, (w) => check(w, (clock) => openSqliteStore({ path: ':memory:', clock }))), { numRuns: RUNS, seed: 20261206, endOnFailure: true });
  for (const [what, count] of Object.entries(exercised)) assert.ok(count > 0, `the worlds never exercised: ${what}`);
});

test('foreign reads on PostgreSQL: the same property (15 worlds, fixed seed)', { skip: PG_URL === undefined ? SKIP_REASON : false }, async () => {
  const schemas = new TestSchemas();
  try {
    await fc.assert(fc.asyncProperty(world, (w) => check(w, (clock) => schemas.open({ clock }))), { numRuns: 15, seed: 20261206, endOnFailure: true });
  } finally {
    await schemas.drop();
  }
});
