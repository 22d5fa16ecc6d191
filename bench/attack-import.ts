// ATT&CK for ICS (../shared/datasets/attack/ics-attack.json, v18.1): validate() over the whole
// bundle, `setu practices import` of it into a fresh node (read, summarise, validate, classify and
// store in one transaction), and "what to do" about Triton read back through the store as a reader
// (load what it may read, build the graph, walk). Prints times and objects/s, best of --rounds.
// Run: node --import tsx bench/attack-import.ts [--file PATH] [--rounds N] [--asks N] [--quick]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { run as init } from '../src/cli/commands/init.js';
import { importBundle } from '../src/cli/commands/practices.js';
import { ExitError } from '../src/cli/errors.js';
import type { CliIo } from '../src/cli/io.js';
import { createCollection, openNode } from '../src/node/index.js';
import { adviceFor } from '../src/practices/index.js';
import { validate } from '../src/stix/index.js';
import { parseArgs } from './lib/args.js';
import { withTempDir } from './lib/temp-dir.js';

const args = parseArgs();
const file = args.text('file', fileURLToPath(new URL('../../shared/datasets/attack/ics-attack.json', import.meta.url)));
const rounds = args.quick ? 1 : args.int('rounds', 3);
const asks = args.size('asks', 100);
const TRITON = 'malware--80099a91-4c86-4bea-9ccb-dac55d61960e';

if (!existsSync(file)) {
  console.log(`attack-import: skipped, no ATT&CK bundle at ${file} (pass --file)`);
  process.exit(0);
}

const quietIo: CliIo = { out: () => undefined, err: () => undefined, interactive: false, clock: Date.now };
const text = readFileSync(file, 'utf8');
const bundle = JSON.parse(text) as { objects: unknown[] };
const count = bundle.objects.length;
const perSecond = (n: number, ms: number): string => Math.round((n / ms) * 1000).toLocaleString('en-US');

let validateBest = Infinity;
let refused = 0;
for (let round = 0; round < rounds + 1; round++) {
  const start = performance.now();
  const result = validate(bundle);
  const elapsed = performance.now() - start;
  if (round > 0) validateBest = Math.min(validateBest, elapsed);
  refused = new Set(result.errors.map((e) => e.objectId)).size;
}

let importBest = Infinity;
let askBest = Infinity;
let techniques = 0;
let mitigations = 0;
for (let round = 0; round < rounds; round++) {
  await withTempDir('attack', async (dir) => {
    await init({ data: dir, nodeName: 'bench', country: 'IN', json: true }, quietIo);
    const setup = await openNode(dir, Date.now);
    const collection = await createCollection(setup.store, { title: 'ATT&CK', readOrgs: ['bench'], writeOrgs: ['bench'], defaultTlp: 'clear' }, Date.now, () => '33333333-4444-4555-8666-777777777777');
    await setup.store.close();
    const start = performance.now();
    try {
      await importBundle({ data: dir, collection: collection.id, file, json: true }, quietIo);
    } catch (error) {
      // Objects the validator refuses (a MUST) are reported and counted above; the rest is stored.
      if (!(error instanceof ExitError)) throw error;
    }
    importBest = Math.min(importBest, performance.now() - start);

    const node = await openNode(join(dir), Date.now);
    try {
      const principal = { tokenId: 'bench', orgId: 'bench', role: 'analyst' as const };
      const askStart = performance.now();
      for (let i = 0; i < asks; i++) {
        const advice = await adviceFor({ store: node.store, principal, subjectId: TRITON, language: 'en' });
        techniques = advice.techniques.length;
        mitigations = advice.techniques.reduce((n, t) => n + t.mitigations.length, 0);
      }
      askBest = Math.min(askBest, (performance.now() - askStart) / asks);
    } finally {
      await node.store.close();
    }
  });
}

console.log(`bundle              ${file} (${(text.length / 1e6).toFixed(1)} MB), ${count.toLocaleString('en-US')} objects, best of ${rounds} rounds`);
console.log(`validate()          ${validateBest.toFixed(0)} ms, ${perSecond(count, validateBest)} objects/s, ${refused} objects refused (MUST)`);
console.log(`practices import    ${importBest.toFixed(0)} ms, ${perSecond(count, importBest)} objects/s (read, summary, validate, classify, store: one transaction)`);
console.log(`what to do (Triton) ${askBest.toFixed(1)} ms per ask over ${asks} asks: ${techniques} techniques, ${mitigations} technique-mitigation pairs (load as reader + graph + walk)`);
