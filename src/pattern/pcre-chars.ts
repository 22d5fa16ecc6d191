// How the PCRE translator writes code points into JavaScript `u`-mode source (inside and outside
// bracket expressions), and which code points the engine's case-insensitive mode treats as one,
// for expanding a scoped (?i:...) part into [xX] classes.
const SYNTAX = new Set([...'^$\\.*+?()[]{}|/']);

function hex(cp: number): string {
  return `\\u{${cp.toString(16)}}`;
}

export function outsideClass(cp: number): string {
  const ch = String.fromCodePoint(cp);
  if (SYNTAX.has(ch)) return `\\${ch}`;
  return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ? hex(cp) : ch;
}

export function insideClass(cp: number): string {
  const ch = String.fromCodePoint(cp);
  if (ch === '\\' || ch === ']' || ch === '[' || ch === '^' || ch === '-') return `\\${ch}`;
  return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ? hex(cp) : ch;
}

// Beyond this no code point has a case partner; wider ranges are only scanned up to it.
export const LAST_CASED = 0x1ffff;

function roughFold(ch: string): string {
  const upper = ch.toUpperCase();
  const folded = [...upper].length === 1 ? upper.toLowerCase() : ch.toLowerCase();
  return [...folded].length === 1 ? folded : ch;
}

let foldGroups: Map<string, number[]> | undefined;

/** Code points grouped by a rough case fold (so σ, ς and Σ meet, and K, k and the Kelvin sign); built once, on first use. */
function groupsByFold(): Map<string, number[]> {
  if (foldGroups !== undefined) return foldGroups;
  foldGroups = new Map();
  for (let cp = 0; cp <= LAST_CASED; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const ch = String.fromCodePoint(cp);
    const fold = roughFold(ch);
    if (fold === ch && ch.toUpperCase() === ch) continue;
    const group = foldGroups.get(fold);
    if (group === undefined) foldGroups.set(fold, [cp]);
    else group.push(cp);
  }
  return foldGroups;
}

/**
 * The code points the engine's case-insensitive mode (`iu`) treats as equal to `cp`, so that an
 * expanded [xX] matches exactly what the `i` flag would: candidates from the fold groups, each
 * confirmed by the engine itself.
 */
export function caseVariants(cp: number): number[] {
  const ch = String.fromCodePoint(cp);
  const candidates = new Set<number>([cp, ...(groupsByFold().get(roughFold(ch)) ?? [])]);
  for (const other of [ch.toLowerCase(), ch.toUpperCase()]) if ([...other].length === 1) candidates.add(other.codePointAt(0)!);
  if (candidates.size === 1) return [cp];
  const same = new RegExp(`^${outsideClass(cp)}$`, 'iu');
  return [...candidates].filter((c) => c === cp || same.test(String.fromCodePoint(c)));
}
