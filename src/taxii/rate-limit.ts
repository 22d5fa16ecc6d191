// Per-token request budgets: a fixed one-minute window per key, judged against an injected clock.
// State lives in the limiter object the plugin creates, never in the module.

export interface RateLimitDecision {
  readonly allowed: boolean;
  /** Whole seconds until the budget resets (meaningful when not allowed). */
  readonly retryAfterSeconds: number;
}

export interface RateLimiter {
  take(key: string): RateLimitDecision;
}

const WINDOW_MS = 60_000;

export function createRateLimiter(options: { readonly perMinute: number; readonly clock: () => number }): RateLimiter {
  let window = -1;
  let counts = new Map<string, number>();
  return {
    take(key: string): RateLimitDecision {
      const now = options.clock();
      const current = Math.floor(now / WINDOW_MS);
      if (current !== window) {
        window = current;
        counts = new Map();
      }
      const used = (counts.get(key) ?? 0) + 1;
      counts.set(key, used);
      const retryAfterSeconds = Math.max(1, Math.ceil(((current + 1) * WINDOW_MS - now) / 1000));
      return { allowed: used <= options.perMinute, retryAfterSeconds };
    },
  };
}
