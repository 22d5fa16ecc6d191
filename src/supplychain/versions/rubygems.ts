// RubyGems versions ordered as Gem::Version#<=>: '-' reads as ".pre.", segments are digit runs
// (integers) and letter runs (strings, which sort before any number); trailing zeros of the
// numeric part and of the pre-release part are dropped before comparing.
import { bad, compareDigits, compareText, defineScheme, ok } from './scheme.js';
import type { Order } from './scheme.js';

type Segment = { readonly n: string } | { readonly s: string };

const PATTERN = /^[0-9]+[0-9A-Za-z.]*(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

function canonical(segments: readonly Segment[]): Segment[] {
  const firstString = segments.findIndex((s) => 's' in s);
  const numeric = firstString < 0 ? [...segments] : segments.slice(0, firstString);
  const rest = firstString < 0 ? [] : segments.slice(firstString);
  const trim = (list: Segment[]): Segment[] => {
    let end = list.length;
    while (end > 0 && 'n' in list[end - 1]! && /^0+$/.test((list[end - 1] as { n: string }).n)) end--;
    return list.slice(0, end);
  };
  return [...trim(numeric), ...trim(rest)];
}

function compareSegment(a: Segment, b: Segment): Order {
  if ('s' in a) return 's' in b ? compareText(a.s, b.s) : -1;
  return 'n' in b ? compareDigits(a.n, b.n) : 1;
}

const ZERO: Segment = { n: '0' };

export const rubygemsScheme = defineScheme<readonly Segment[]>({
  rule: 'Gem::Version <=> (canonical segments)',
  parse(text) {
    const version = text.trim();
    if (!PATTERN.test(version)) return bad('Gem::Version::ANCHORED_VERSION_PATTERN (digits first, then .segments, optional -pre)');
    const raw = version.replaceAll('-', '.pre.').match(/[0-9]+|[a-z]+/gi) ?? [];
    const segments = canonical(raw.map((s) => (/^[0-9]/.test(s) ? { n: s } : { s })));
    return ok(segments, segments.map((s) => ('n' in s ? s.n.replace(/^0+(?=.)/, '') : s.s)).join('.'));
  },
  compare(a, b) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const c = compareSegment(a[i] ?? ZERO, b[i] ?? ZERO);
      if (c !== 0) return c;
    }
    return 0;
  },
});
