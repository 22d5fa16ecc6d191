// Summarises a V8 .cpuprofile (from `--profile DIR`, i.e. node --cpu-prof): the functions with the
// most self time, and self time grouped by package or source folder, to say where the time goes.
// Usage: node --import tsx bench/profile-summary.ts FILE.cpuprofile [--top 25]
import { readFileSync } from 'node:fs';
import { parseArgs } from './lib/args.js';
import { fmt } from './lib/report.js';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
  readonly startTime: number;
  readonly endTime: number;
}

const file = process.argv[2];
if (file === undefined || file.startsWith('--')) throw new Error('usage: profile-summary.ts FILE.cpuprofile [--top 25]');
const top = parseArgs().int('top', 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const totalUs = profile.endTime - profile.startTime;

function where(node: ProfileNode): string {
  const url = node.callFrame.url.replace(/^file:\/\//, '');
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) return url.slice(nm + 'node_modules/'.length);
  const src = url.indexOf('/src/');
  return src >= 0 ? url.slice(src + 1) : url === '' ? '(native)' : url;
}
function group(node: ProfileNode): string {
  const w = where(node);
  if (w === '(native)') return node.callFrame.functionName === '(garbage collector)' ? '(garbage collector)' : `(native) ${node.callFrame.functionName || '(anonymous)'}`;
  if (w.startsWith('src/')) return w.split('/').slice(0, 2).join('/');
  if (w.startsWith('node:')) return w;
  return w.startsWith('@') ? w.split('/').slice(0, 2).join('/') : (w.split('/')[0] ?? w);
}

const byFunction = new Map<string, number>();
const byGroup = new Map<string, number>();
for (const [id, us] of selfUs) {
  const node = byId.get(id);
  if (node === undefined) continue;
  const name = `${node.callFrame.functionName || '(anonymous)'} ${where(node)}:${node.callFrame.lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + us);
  const g = group(node);
  byGroup.set(g, (byGroup.get(g) ?? 0) + us);
}
const show = (title: string, table: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [name, us] of [...table].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${fmt(us / 1000).padStart(9)} ms ${fmt((us / totalUs) * 100, 1).padStart(5)}%  ${name}`);
  }
};
console.log(`${file}: ${fmt(totalUs / 1e6, 2)} s profiled, ${fmt(profile.samples.length)} samples`);
show('self time by function', byFunction);
show('self time by package / source folder', byGroup);
