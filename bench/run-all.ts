// Runs every benchmark (bench/lib/benchmarks.ts lists them, and a test keeps that list equal to
// the scripts in bench/) one after another, each in its own process. `--quick` gives each its quick
// arguments (sizes / 20 where the script scales itself) so the set is smoke-run in minutes;
// other flags go on to the benchmarks that read flags.
// Usage: node --import tsx bench/run-all.ts [--quick] [--list] [NAME...] [flags passed on]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BENCHMARKS, type BenchName } from './lib/benchmarks.js';

const NAMES = Object.keys(BENCHMARKS) as BenchName[];
const isName = (value: string): value is BenchName => (NAMES as string[]).includes(value);

const argv = process.argv.slice(2);
if (argv.includes('--list')) {
  for (const name of NAMES) console.log(`${name.padEnd(16)} ${BENCHMARKS[name].what}`);
  process.exit(0);
}
const quick = argv.includes('--quick');
const chosen = argv.filter(isName);
const passOn = argv.filter((a) => !isName(a) && a !== '--quick');
let failed = 0;
for (const name of chosen.length > 0 ? chosen : NAMES) {
  const bench = BENCHMARKS[name];
  console.log(`\n== ${name}: ${bench.what}`);
  const needs: readonly string[] = 'needsEnv' in bench ? bench.needsEnv : [];
  if (needs.length > 0 && !needs.some((v) => process.env[v])) {
    console.log(`== ${name}: skipped, set ${needs.join(' or ')} to run it`);
    continue;
  }
  const script = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
  const args = [...(quick ? bench.quick : []), ...(bench.takesFlags ? passOn : [])];
  const started = Date.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { stdio: 'inherit' });
  console.log(`== ${name}: ${result.status === 0 ? 'done' : `FAILED (exit ${result.status ?? result.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.status !== 0) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;
