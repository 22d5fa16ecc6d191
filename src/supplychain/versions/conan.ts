// Conan 2 versions (conans/model/version.py): dot-separated items (integers compare as numbers,
// otherwise as strings), trailing zero items ignored, a "-pre" part sorts before the release and
// a "+build" part after it.
import { bad, compareDigits, compareText, defineScheme, ok } from './scheme.js';
import type { Order } from './scheme.js';

interface ConanVersion {
  readonly items: readonly string[];
  readonly pre: ConanVersion | null;
  readonly build: ConanVersion | null;
}

const numeric = (s: string): boolean => /^[0-9]+$/.test(s);

function read(text: string): ConanVersion {
  const plus = text.indexOf('+');
  const build = plus >= 0 ? read(text.slice(plus + 1)) : null;
  const main = plus >= 0 ? text.slice(0, plus) : text;
  const dash = main.indexOf('-');
  const pre = dash >= 0 ? read(main.slice(dash + 1)) : null;
  const items = (dash >= 0 ? main.slice(0, dash) : main).split('.');
  let end = items.length;
  while (end > 1 && numeric(items[end - 1]!) && /^0+$/.test(items[end - 1]!)) end--;
  return { items: items.slice(0, end), pre, build };
}

function compareItems(a: readonly string[], b: readonly string[]): Order {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    const c = numeric(x) && numeric(y) ? compareDigits(x, y) : compareText(x, y);
    if (c !== 0) return c;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

export function compareConan(a: ConanVersion, b: ConanVersion): Order {
  const items = compareItems(a.items, b.items);
  if (items !== 0) return items;
  if (a.pre !== null || b.pre !== null) {
    if (a.pre === null) return 1;
    if (b.pre === null) return -1;
    const pre = compareConan(a.pre, b.pre);
    if (pre !== 0) return pre;
  }
  if (a.build === null || b.build === null) return a.build === b.build ? 0 : a.build === null ? -1 : 1;
  return compareConan(a.build, b.build);
}

export const conanScheme = defineScheme<ConanVersion>({
  rule: 'Conan 2 Version ordering',
  parse(text) {
    const version = text.trim();
    if (!/^[0-9A-Za-z_.+*-]+$/.test(version)) return bad('Conan versions are dot-separated items with optional -pre and +build');
    return ok(read(version), version);
  },
  compare: compareConan,
});
