// A node for the share-preview, export and review tests: CERT-In's node (India, profile IN) holding
// one IN-JP collection of objects submitted by member organisations, some with personal data.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { orgIdentityId } from '../../src/access/index.js';
import { run as init } from '../../src/cli/commands/init.js';
import { ingest } from '../../src/ingest/index.js';
import { createCollection, createOrganisation, withNode } from '../../src/node/index.js';
import { captureIo } from './capture.js';

export const T = '2026-01-01T00:00:00.000Z';
const TLP = {
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amberStrict: 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
};
export const CERT_IN = orgIdentityId('cert-in');
export const BANK = orgIdentityId('bank-a');

const sdo = <B extends Record<string, unknown>>(type: string, n: number, body: B) => ({
  type,
  spec_version: '2.1',
  id: `${type}--${String(n).padStart(8, '0')}-0000-4000-8000-000000000000`,
  created: T,
  modified: T,
  ...body,
});

export const OBJECTS = {
  phishing: sdo('indicator', 1, {
    created_by_ref: CERT_IN,
    name: 'Phishing sender billing@paypa1-secure.example',
    description: 'Reported by ravi.kumar@cert-in.example.in, +91 98765 43210.',
    pattern: "[email-addr:value = 'billing@paypa1-secure.example']",
    pattern_type: 'stix',
    valid_from: T,
    object_marking_refs: [TLP.green],
  }),
  aadhaarNote: sdo('note', 2, { created_by_ref: CERT_IN, content: 'Victim UID 2341 2341 2346 confirmed.', object_refs: ['indicator--00000001-0000-4000-8000-000000000000'] }),
  strict: sdo('report', 3, { created_by_ref: CERT_IN, name: 'Sector briefing', published: T, object_refs: ['indicator--00000001-0000-4000-8000-000000000000'], object_marking_refs: [TLP.amberStrict] }),
  bankIndicator: sdo('indicator', 4, { created_by_ref: BANK, pattern: "[ipv4-addr:value = '198.51.100.7']", pattern_type: 'stix', valid_from: T, object_marking_refs: [TLP.clear] }),
  sender: { type: 'email-addr', spec_version: '2.1', id: 'email-addr--5a1b3c4d-0000-5000-8000-000000000005', value: 'billing@paypa1-secure.example' },
  victim: { type: 'email-addr', spec_version: '2.1', id: 'email-addr--5a1b3c4d-0000-5000-8000-000000000006', value: 'staff.member@victim.example' },
  certInIdentity: { type: 'identity', spec_version: '2.1', id: CERT_IN, created: T, modified: T, name: 'CERT-In', identity_class: 'organization' },
};

export async function shareNode(): Promise<{ dir: string; collection: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'setu-share-'));
  const io = captureIo();
  await init({ data: dir, nodeName: 'CERT-In Node', country: 'IN', json: true }, io);
  const collection = await withNode(dir, io.clock, async ({ store }) => {
    await createOrganisation(store, { id: 'cert-in', name: 'CERT-In', country: 'IN', kind: 'cert' }, io.clock);
    await createOrganisation(store, { id: 'bank-a', name: 'Bank A', country: 'IN', kind: 'cii-operator', attributionConsent: true }, io.clock);
    await createOrganisation(store, { id: 'jpcert', name: 'JPCERT/CC', country: 'JP', kind: 'cert' }, io.clock);
    const c = await createCollection(
      store,
      { title: 'IN-JP G2G', readOrgs: ['cert-in-node', 'jpcert'], writeOrgs: ['cert-in', 'bank-a'], defaultTlp: 'green' },
      io.clock,
      () => '11111111-2222-4333-8444-555555555555',
    );
    let n = 0;
    const put = async (orgId: string, objects: readonly object[]) => {
      const result = await ingest({
        store,
        collectionId: c.id,
        rawObjects: objects.map((o) => JSON.stringify(o)),
        clock: io.clock,
        newId: () => `status-${(n += 1)}`,
        events: { emit: () => true },
        submitter: { orgId },
      });
      if (result.status.failureCount > 0) throw new Error(JSON.stringify(result.status.failures));
    };
    const o = OBJECTS;
    await put('cert-in', [o.phishing, o.aadhaarNote, o.strict, o.sender, o.victim, o.certInIdentity]);
    await put('bank-a', [o.bankIndicator]);
    return c.id;
  });
  return { dir, collection };
}
