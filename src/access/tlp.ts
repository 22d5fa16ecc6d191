// TLP 2.0 levels as an order: a rank per level (the store keeps the rank in an indexed column),
// the strictest of several levels, and the TLP level of a list of marking references (TLP 1.0
// ids map to 2.0, WHITE -> CLEAR; references that are not TLP markings are ignored). Pure.

import { tlpLevelOf, type TlpLevel } from '../stix/index.js';

export type { TlpLevel };

/** In order of strictness. */
export const TLP_LEVELS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const satisfies readonly TlpLevel[];

/** CLEAR 0 < GREEN 1 < AMBER 2 < AMBER+STRICT 3 < RED 4. */
export const TLP_RANK: Readonly<Record<TlpLevel, number>> = { clear: 0, green: 1, amber: 2, 'amber+strict': 3, red: 4 };

export function isTlpLevel(value: unknown): value is TlpLevel {
  return typeof value === 'string' && (TLP_LEVELS as readonly string[]).includes(value);
}

/** The level stored under a rank (the inverse of TLP_RANK). */
export function tlpOfRank(rank: number): TlpLevel {
  const level = TLP_LEVELS[rank];
  if (level === undefined) throw new RangeError(`no TLP level has rank ${rank}`);
  return level;
}

export function stricter(a: TlpLevel, b: TlpLevel): TlpLevel {
  return TLP_RANK[a] >= TLP_RANK[b] ? a : b;
}

/** The strictest TLP level among marking references, or null when none of them is a TLP marking. */
export function tlpOfMarkings(refs: readonly unknown[]): TlpLevel | null {
  let level: TlpLevel | null = null;
  for (const ref of refs) {
    if (typeof ref !== 'string') continue;
    const found = tlpLevelOf(ref);
    if (found !== null) level = level === null ? found : stricter(level, found);
  }
  return level;
}

/** Accepts TLP 2.0 names in any case, with or without the "TLP:" prefix, and TLP 1.0 WHITE. */
export function parseTlp(text: string): TlpLevel | null {
  const name = text.trim().toLowerCase().replace(/^tlp:/, '');
  if (name === 'white') return 'clear';
  return isTlpLevel(name) ? name : null;
}
