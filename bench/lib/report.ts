// Printing figures: thousands separators, percentiles, and the ratio of a figure to its target.
export const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
}

export function summarise(samplesMs: readonly number[]): LatencySummary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

export const latencyText = (s: LatencySummary): string =>
  `p50 ${fmt(s.p50, 2)} ms, p90 ${fmt(s.p90, 2)} ms, p99 ${fmt(s.p99, 2)} ms, max ${fmt(s.max, 2)} ms`;

/** "(1.37x target 30,000)" for a figure that should be at least the target. */
export function atLeast(value: number, target: number): string {
  return `(${fmt(value / target, 2)}x target ${fmt(target)}${value >= target ? '' : ', MISSED'})`;
}

/** "(0.42x target 50 ms)" for a figure that should be at most the target; below 1 is better. */
export function atMost(value: number, target: number, unit: string): string {
  return `(${fmt(value / target, 2)}x target <= ${fmt(target)} ${unit}${value <= target ? '' : ', MISSED'})`;
}

export function line(label: string, text: string): void {
  console.log(`${label.padEnd(22)} ${text}`);
}
