// The demo data set that `npm start` loads into a new node: two fictional telecom operators (one
// Indian, one Japanese) as member organisations, one shared collection, and the STIX bundles
// under demo/bundles/ (a fictional campaign against both; see demo/README.md).
import { EventEmitter } from 'node:events';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { ingest, splitBundle, type IngestEvents } from '../ingest/index.js';
import type { CollectionRecord, Store } from '../store/index.js';
import { createCollection, createOrganisation } from './admin.js';

/** demo/bundles/ sits two levels above both src/node/ and dist/node/. */
export const DEMO_BUNDLE_DIR = fileURLToPath(new URL('../../demo/bundles/', import.meta.url));

const DEMO_FIRST = 'telecom-campaign.json';

export const DEMO_ORGS = [
  { id: 'demo-in-telecom', name: 'Demo Indian telecom operator (fictional)', country: 'IN' },
  { id: 'demo-jp-telecom', name: 'Demo Japanese telecom operator (fictional)', country: 'JP' },
] as const;

export interface DemoLoad {
  readonly collection: CollectionRecord;
  readonly stored: number;
  readonly failed: readonly { id: string; message?: string | undefined }[];
}

export async function loadDemo(store: Store, nodeOrgId: string, clock: () => number, newId: () => string, events: IngestEvents = new EventEmitter()): Promise<DemoLoad> {
  for (const org of DEMO_ORGS) await createOrganisation(store, org, clock);
  const members = [nodeOrgId, ...DEMO_ORGS.map((o) => o.id)];
  const collection = await createCollection(
    store,
    {
      title: 'IN-JP telecom threat exchange (demo)',
      description: 'Demo sharing channel between Indian and Japanese telecom operators and their national CERTs. All data is fictional.',
      alias: 'in-jp-telecom-demo',
      readOrgs: members,
      writeOrgs: members,
    },
    clock,
    newId,
  );
  let stored = 0;
  const failed: { id: string; message?: string | undefined }[] = [];
  // The campaign bundle stands alone and the Japanese coordination bundle refers into it, so it goes first.
  const files = (await readdir(DEMO_BUNDLE_DIR))
    .filter((name) => name.endsWith('.json'))
    .sort((a, b) => Number(b === DEMO_FIRST) - Number(a === DEMO_FIRST) || a.localeCompare(b));
  for (const file of files) {
    const text = await readFile(join(DEMO_BUNDLE_DIR, file), 'utf8');
    const result = await ingest({ store, collectionId: collection.id, rawObjects: splitBundle(text), clock, newId, events, submitter: { orgId: nodeOrgId } });
    stored += result.status.successCount;
    failed.push(...result.status.failures);
  }
  return { collection, stored, failed };
}
