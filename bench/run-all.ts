// Runs the core benchmarks one after another, each in its own process, passing every flag on
// (`--quick` scales sizes down 20x so the set is smoke-run in about a minute).
// Usage: node --import tsx bench/run-all.ts [--quick] [--list] [NAME...] [flags passed to each]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The core benchmarks, in the order they run. */
export const BENCHMARKS = {
  'taxii-ingest': 'TAXII POST ingest of 200k mixed objects in envelopes of 1,000 (target >= 30,000 objects/s)',
  'taxii-read': 'pages by next / added_after on 1M stored versions, match[id] lookups, server RSS',
  'cli-validate': '`setu validate` on a 100k-object bundle, run() and the real binary',
} as const;
type BenchName = keyof typeof BENCHMARKS;
const NAMES = Object.keys(BENCHMARKS) as BenchName[];
const isName = (value: string): value is BenchName => (NAMES as string[]).includes(value);

const argv = process.argv.slice(2);
if (argv.includes('--list')) {
  for (const name of NAMES) console.log(`${name.padEnd(14)} ${BENCHMARKS[name]}`);
  process.exit(0);
}
const chosen = argv.filter(isName);
const passOn = argv.filter((a) => !isName(a));
let failed = 0;
for (const name of chosen.length > 0 ? chosen : NAMES) {
  console.log(`\n== ${name}: ${BENCHMARKS[name]}`);
  const script = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
  const started = Date.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...passOn], { stdio: 'inherit' });
  console.log(`== ${name}: ${result.status === 0 ? 'done' : `FAILED (exit ${result.status ?? result.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.status !== 0) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;
