// A node for the practices tests: CERT-In's node (India) with one collection that CERT-In, two
// Indian operators and JPCERT/CC read. It holds a small ATT&CK-shaped set (a technique, its
// mitigation, malware using it, an indicator of the malware and a sighting of that indicator), a
// partner note and Japanese translations, and two TLP:RED courses of action of Tata Power: one for
// its author alone, one naming Bank A as recipient.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SETU_RECIPIENTS_EXTENSION_ID, orgIdentityId } from '../../src/access/index.js';
import { run as init } from '../../src/cli/commands/init.js';
import { ingest } from '../../src/ingest/index.js';
import { createCollection, createOrganisation, withNode } from '../../src/node/index.js';
import { captureIo } from '../cli/capture.js';

export const T = '2026-01-01T00:00:00.000Z';
const GREEN = 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb';
const RED = 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1';

export const idOf = (type: string, n: number): string => `${type}--${String(n).padStart(8, '0')}-0000-4000-8000-000000000000`;
const sdo = (type: string, n: number, body: Record<string, unknown>) => ({ type, spec_version: '2.1', id: idOf(type, n), created: T, modified: T, ...body });
const rel = (n: number, source: string, type: string, target: string, extra: Record<string, unknown> = {}) => sdo('relationship', n, { relationship_type: type, source_ref: source, target_ref: target, ...extra });
const attackRef = (id: string) => ({ source_name: 'mitre-attack', external_id: id, url: `https://attack.mitre.org/${id.startsWith('T') ? 'techniques' : 'mitigations'}/${id}` });

export const IDS = {
  technique: idOf('attack-pattern', 1),
  deprecated: idOf('attack-pattern', 2),
  mitigation: idOf('course-of-action', 3),
  revokedMitigation: idOf('course-of-action', 4),
  malware: idOf('malware', 7),
  indicator: idOf('indicator', 10),
  sighting: idOf('sighting', 12),
  mitigationJa: idOf('language-content', 13),
  note: idOf('note', 14),
  noteJa: idOf('language-content', 15),
  redPrivate: idOf('course-of-action', 16),
  redForBank: idOf('course-of-action', 18),
};

const CERT_IN = orgIdentityId('cert-in');
const TATA = orgIdentityId('tata-power');

export const MITRE_LIKE = [
  sdo('attack-pattern', 1, { name: 'Loss of Safety', external_references: [attackRef('T0880')], object_marking_refs: [GREEN] }),
  sdo('attack-pattern', 2, { name: 'Old Technique', external_references: [attackRef('T0899')], x_mitre_deprecated: true }),
  sdo('course-of-action', 3, { name: 'Safety Instrumented Systems', description: 'Use safety instrumented systems.', external_references: [attackRef('M0812')] }),
  sdo('course-of-action', 4, { name: 'Withdrawn Mitigation', revoked: true }),
  rel(5, IDS.mitigation, 'mitigates', IDS.technique, { description: 'Keep the SIS independent of the control network.' }),
  rel(6, IDS.revokedMitigation, 'mitigates', IDS.technique),
  sdo('malware', 7, { name: 'Triton-like', is_family: true }),
  rel(8, IDS.malware, 'uses', IDS.technique),
  rel(9, IDS.malware, 'uses', IDS.deprecated),
];

export const PARTNER = [
  sdo('indicator', 10, { created_by_ref: CERT_IN, name: 'Triton-like C2', pattern: "[ipv4-addr:value = '203.0.113.9']", pattern_type: 'stix', valid_from: T }),
  rel(11, IDS.indicator, 'indicates', IDS.malware),
  sdo('sighting', 12, { created_by_ref: CERT_IN, sighting_of_ref: IDS.indicator, count: 3 }),
  sdo('language-content', 13, { object_ref: IDS.mitigation, object_modified: T, contents: { ja: { name: '安全計装システム', description: '安全計装システムを使用する。' }, hi: { name: 'सुरक्षा उपकरण प्रणाली' } } }),
  sdo('note', 14, { created_by_ref: CERT_IN, abstract: 'SIS checklist', content: 'Check the SIS bypass log weekly.', object_refs: [IDS.technique] }),
  sdo('language-content', 15, { object_ref: IDS.note, object_modified: T, contents: { ja: { abstract: 'SIS チェックリスト', content: 'SIS のバイパス記録を毎週確認する。' } } }),
];

export const TATA_RED = [
  sdo('course-of-action', 16, { created_by_ref: TATA, name: 'Tata private SIS playbook', object_marking_refs: [RED] }),
  rel(17, IDS.redPrivate, 'mitigates', IDS.technique, { created_by_ref: TATA, object_marking_refs: [RED] }),
  sdo('course-of-action', 18, {
    created_by_ref: TATA,
    name: 'Tata SIS playbook for Bank A',
    object_marking_refs: [RED],
    extensions: { [SETU_RECIPIENTS_EXTENSION_ID]: { extension_type: 'property-extension', recipients: [orgIdentityId('bank-a')] } },
  }),
  rel(19, IDS.redForBank, 'mitigates', IDS.technique, { created_by_ref: TATA, object_marking_refs: [GREEN] }),
];

export async function practicesNode(): Promise<{ dir: string; collection: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'setu-practices-'));
  const io = captureIo();
  await init({ data: dir, nodeName: 'CERT-In Node', country: 'IN', json: true }, io);
  const collection = await withNode(dir, io.clock, async ({ store }) => {
    await createOrganisation(store, { id: 'cert-in', name: 'CERT-In', country: 'IN', kind: 'cert' }, io.clock);
    await createOrganisation(store, { id: 'bank-a', name: 'Bank A', country: 'IN', kind: 'cii-operator' }, io.clock);
    await createOrganisation(store, { id: 'tata-power', name: 'Tata Power', country: 'IN', kind: 'cii-operator' }, io.clock);
    await createOrganisation(store, { id: 'jpcert', name: 'JPCERT/CC', country: 'JP', kind: 'cert' }, io.clock);
    const readers = ['cert-in-node', 'cert-in', 'bank-a', 'tata-power', 'jpcert'];
    const c = await createCollection(store, { title: 'CII practices', readOrgs: readers, writeOrgs: readers, defaultTlp: 'green' }, io.clock, () => '22222222-3333-4444-8555-666666666666');
    let n = 0;
    const put = async (orgId: string, objects: readonly object[]) => {
      const result = await ingest({ store, collectionId: c.id, rawObjects: objects.map((o) => JSON.stringify(o)), clock: io.clock, newId: () => `status-${(n += 1)}`, events: { emit: () => true }, submitter: { orgId } });
      if (result.status.failureCount > 0) throw new Error(JSON.stringify(result.status.failures));
    };
    await put('cert-in-node', MITRE_LIKE);
    await put('cert-in', PARTNER);
    await put('tata-power', TATA_RED);
    return c.id;
  });
  return { dir, collection };
}
