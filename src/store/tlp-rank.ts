// TLP levels as the integer ranks the SQLite columns hold (0 CLEAR ... 4 RED), so "stricter than"
// is a numeric comparison inside SQL.
import type { TlpLevel } from '../stix/index.js';

/** In order of strictness; the index is the rank. */
export const TLP_BY_RANK = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const satisfies readonly TlpLevel[];

const RANK: Readonly<Record<TlpLevel, number>> = { clear: 0, green: 1, amber: 2, 'amber+strict': 3, red: 4 };

export function tlpRank(level: TlpLevel): number {
  return RANK[level];
}

export const RED_RANK = RANK.red;
