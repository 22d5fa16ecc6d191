// Shared test helpers for detect/: indicators, sets and events built by hand.
import { IndicatorSet } from '../../src/detect/index.js';
import type { DetectEvent, Sco } from '../../src/detect/index.js';

export const NOW = Date.parse('2026-11-27T00:00:00Z');

export function indicator(n: number, pattern: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    pattern,
    pattern_type: 'stix',
    valid_from: '2026-01-01T00:00:00Z',
    ...extra,
  };
}

export const idOf = (n: number): string => indicator(n, '')['id'] as string;

export function setWith(...patterns: string[]): IndicatorSet {
  const set = new IndicatorSet(() => NOW);
  patterns.forEach((p, i) => set.upsert(indicator(i + 1, p)));
  return set;
}

/** An event `seconds` after NOW holding the given SCOs. */
export function eventAt(seconds: number, scos: Sco[], line = 1): DetectEvent {
  return { time: (NOW + seconds * 1000) * 1000, scos, source: 'test', line };
}

export const ip = (value: string): Sco => ({ type: 'ipv4-addr', value });
export const domain = (value: string): Sco => ({ type: 'domain-name', value });
