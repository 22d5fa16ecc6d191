// Gentoo (Portage) versions ordered by the Package Manager Specification, section 3.3: numeric
// components (later ones with a leading zero compare as strings without trailing zeros), one
// letter, suffixes _alpha < _beta < _pre < _rc < (none) < _p each with a number, then -rN.
import { bad, compareDigits, compareText, defineScheme, ok } from './scheme.js';
import type { Order } from './scheme.js';

const SUFFIX_ORDER = { alpha: 0, beta: 1, pre: 2, rc: 3, p: 5 } as const;
type SuffixName = keyof typeof SUFFIX_ORDER;

interface GentooVersion {
  readonly numbers: readonly string[];
  readonly letter: string;
  readonly suffixes: readonly { readonly name: SuffixName; readonly n: string }[];
  readonly revision: string;
}

const PATTERN = /^([0-9]+(?:\.[0-9]+)*)([a-z]?)((?:_(?:alpha|beta|pre|rc|p)[0-9]*)*)(?:-r([0-9]+))?$/;

function compareComponent(a: string, b: string): Order {
  if (a.startsWith('0') || b.startsWith('0')) return compareText(a.replace(/0+$/, ''), b.replace(/0+$/, ''));
  return compareDigits(a, b);
}

export const gentooScheme = defineScheme<GentooVersion>({
  rule: 'PMS 3.3 version comparison',
  parse(text) {
    const m = PATTERN.exec(text.trim());
    if (!m) return bad('numbers separated by dots, an optional letter, _alpha/_beta/_pre/_rc/_p suffixes and -rN');
    const suffixes = [...(m[3] ?? '').matchAll(/_(alpha|beta|pre|rc|p)([0-9]*)/g)].map((s) => ({ name: s[1] as SuffixName, n: s[2] || '0' }));
    return ok({ numbers: m[1]!.split('.'), letter: m[2] ?? '', suffixes, revision: m[4] ?? '0' }, text.trim());
  },
  compare(a, b) {
    const first = compareDigits(a.numbers[0]!, b.numbers[0]!);
    if (first !== 0) return first;
    const shared = Math.min(a.numbers.length, b.numbers.length);
    for (let i = 1; i < shared; i++) {
      const c = compareComponent(a.numbers[i]!, b.numbers[i]!);
      if (c !== 0) return c;
    }
    if (a.numbers.length !== b.numbers.length) return a.numbers.length < b.numbers.length ? -1 : 1;
    const letter = compareText(a.letter, b.letter);
    if (letter !== 0) return letter;
    const sharedSuffixes = Math.min(a.suffixes.length, b.suffixes.length);
    for (let i = 0; i < sharedSuffixes; i++) {
      const x = a.suffixes[i]!;
      const y = b.suffixes[i]!;
      if (x.name !== y.name) return SUFFIX_ORDER[x.name] < SUFFIX_ORDER[y.name] ? -1 : 1;
      const n = compareDigits(x.n, y.n);
      if (n !== 0) return n;
    }
    if (a.suffixes.length > sharedSuffixes) return a.suffixes[sharedSuffixes]!.name === 'p' ? 1 : -1;
    if (b.suffixes.length > sharedSuffixes) return b.suffixes[sharedSuffixes]!.name === 'p' ? -1 : 1;
    return compareDigits(a.revision, b.revision);
  },
});
