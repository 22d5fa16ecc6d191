// NuGet versions (NuGet.Versioning): up to four numeric parts (missing ones are 0), then SemVer 2
// pre-release labels compared case-insensitively (numeric labels numerically, below text labels);
// build metadata after '+' is ignored.
import { bad, compareDigits, compareText, defineScheme, ok } from './scheme.js';
import type { Order } from './scheme.js';

interface NugetVersion {
  readonly numbers: readonly [string, string, string, string];
  readonly labels: readonly string[];
}

const PATTERN = /^v?([0-9]+)(?:\.([0-9]+))?(?:\.([0-9]+))?(?:\.([0-9]+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-.]*)?$/;

const numeric = (s: string): boolean => /^[0-9]+$/.test(s);

function compareLabels(a: readonly string[], b: readonly string[]): Order {
  if (a.length === 0 || b.length === 0) return a.length === b.length ? 0 : a.length === 0 ? 1 : -1;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    const c = numeric(x) && numeric(y) ? compareDigits(x, y) : numeric(x) ? -1 : numeric(y) ? 1 : compareText(x, y);
    if (c !== 0) return c;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

export const nugetScheme = defineScheme<NugetVersion>({
  rule: 'NuGet.Versioning (4 numeric parts, case-insensitive SemVer 2 labels, metadata ignored)',
  parse(text) {
    const m = PATTERN.exec(text.trim());
    if (!m) return bad('N[.N[.N[.N]]][-label[.label]...][+metadata]');
    const numbers = [m[1]!, m[2] ?? '0', m[3] ?? '0', m[4] ?? '0'].map((d) => d.replace(/^0+(?=.)/, '')) as [string, string, string, string];
    const labels = m[5] === undefined ? [] : m[5].toLowerCase().split('.');
    return ok({ numbers, labels }, `${numbers.join('.')}${labels.length > 0 ? `-${labels.join('.')}` : ''}`);
  },
  compare(a, b) {
    for (let i = 0; i < 4; i++) {
      const c = compareDigits(a.numbers[i]!, b.numbers[i]!);
      if (c !== 0) return c;
    }
    return compareLabels(a.labels, b.labels);
  },
});
