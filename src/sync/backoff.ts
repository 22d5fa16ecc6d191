// Retry delays: exponential backoff with full jitter, capped. The random source is injected so
// tests can fix it. Pure.

export interface BackoffPolicy {
  /** First delay, ms. */
  readonly baseMs: number;
  /** Largest delay, ms. */
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, maxMs: 60_000 };

/** The delay before retry number `attempt` (1 = first retry): uniform in [cap/2, cap], cap = min(max, base * 2^(attempt-1)). */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, Math.min(30, attempt - 1)));
  return Math.round(cap / 2 + (cap / 2) * random());
}
