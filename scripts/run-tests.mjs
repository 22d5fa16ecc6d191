// Runs every test file under test/ with Node's built-in runner. Node 20 does not expand globs and
// `--test dir/` silently runs nothing, so the file list is built here and passed explicitly.
// Usage: node scripts/run-tests.mjs [path-fragment ...]   (fragments filter the list)
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;

function collect(dir) {
  const found = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...collect(path));
    else if (name.endsWith('.test.ts')) found.push(relative(root, path));
  }
  return found;
}

const filters = process.argv.slice(2);
const files = collect(join(root, 'test')).filter(
  (file) => filters.length === 0 || filters.some((fragment) => file.includes(fragment)),
);
if (files.length === 0) {
  console.error(`no test files matched ${filters.join(' ') || '(all)'}`);
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
