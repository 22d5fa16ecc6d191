// `setu validate` end to end on one bundle file of 100,000 mixed, realistic STIX 2.1 objects:
// the CLI command function run() (read the file, split documents, validate, format every finding)
// timed in-process over several runs, then the real `setu` binary in a child process (start-up
// included). Fixed seed; the file lives in a temp dir removed at the end; asserts nothing.
// Usage: node --import tsx bench/cli-validate.ts [--quick] [--objects 100000] [--runs 3]
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { run } from '../src/cli/commands/validate.js';
import type { CliIo } from '../src/cli/io.js';
import { parseArgs } from './lib/args.js';
import { fmt, line } from './lib/report.js';
import { createStixGenerator } from './lib/stix-objects.js';
import { withTempDir } from './lib/temp-dir.js';

const args = parseArgs();
const OBJECTS = args.size('objects', 100_000);
const RUNS = args.int('runs', 3);
const BIN = fileURLToPath(new URL('../bin/setu.js', import.meta.url));

await withTempDir('validate', async (dir) => {
  const generator = createStixGenerator(0xc11);
  const texts: string[] = [];
  for (let i = 0; i < OBJECTS; i++) texts.push(generator.next().json);
  const file = join(dir, 'bundle.json');
  const bundle = `{"type":"bundle","id":"bundle--5e7a0000-0000-4000-8000-000000000001","objects":[${texts.join(',')}]}`;
  writeFileSync(file, bundle);
  console.log(`cli-validate: one bundle of ${fmt(OBJECTS)} objects, ${fmt(bundle.length / 1024 / 1024, 1)} MiB`);

  for (const json of [false, true]) {
    const rates: number[] = [];
    let outBytes = 0;
    let summary = '';
    for (let r = 0; r < RUNS; r++) {
      outBytes = 0;
      const io: CliIo = { out: (t) => (outBytes += t.length), err: () => undefined, interactive: false, clock: Date.now };
      const started = performance.now();
      const reports = await run({ files: [file], strict: false, json }, io);
      const seconds = (performance.now() - started) / 1000;
      rates.push(OBJECTS / seconds);
      const report = reports[0];
      summary = report ? `${report.valid ? 'valid' : 'INVALID'}, ${fmt(report.errors.length)} errors, ${fmt(report.warnings.length)} warnings` : '';
    }
    const best = Math.max(...rates);
    line(`run() ${json ? '--json' : 'text'}`, `${fmt(best)} objects/s best of ${RUNS} (runs: ${rates.map((r) => fmt(r)).join(', ')}); ${summary}; ${fmt(outBytes / 1024 / 1024, 1)} MiB output`);
  }

  const started = performance.now();
  const child = spawnSync(process.execPath, [BIN, 'validate', file], { stdio: ['ignore', 'ignore', 'ignore'] });
  const seconds = (performance.now() - started) / 1000;
  line('setu validate (process)', `${fmt(OBJECTS / seconds)} objects/s, ${fmt(seconds, 2)} s wall including start-up, exit code ${child.status}`);
});
