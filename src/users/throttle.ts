// Brute-force throttling of sign-in (state in the object the plugin creates, clock injected):
// failures are counted per account (lower-cased e-mail) and per client address over a sliding
// window of 15 minutes; at 5 failures for an account or 20 from an address, further attempts on
// that key are refused until the oldest counted failure leaves the window. A success clears the
// account's count (not the address's: one good password must not reset an address's spraying).

export interface ThrottleLimits {
  readonly windowMinutes: number;
  readonly perAccount: number;
  readonly perAddress: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = { windowMinutes: 15, perAccount: 5, perAddress: 20 };

export interface ThrottleVerdict {
  readonly allowed: boolean;
  readonly retryAfterSeconds: number;
  /** Which key is over its limit. */
  readonly by?: 'account' | 'address';
}

export interface SignInThrottle {
  check(account: string, address: string): ThrottleVerdict;
  fail(account: string, address: string): void;
  succeed(account: string): void;
}

export function createSignInThrottle(clock: () => number, limits: ThrottleLimits = DEFAULT_THROTTLE): SignInThrottle {
  const windowMs = limits.windowMinutes * 60_000;
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number): number[] => {
    const kept = (failures.get(key) ?? []).filter((t) => now - t < windowMs);
    if (kept.length === 0) failures.delete(key);
    else failures.set(key, kept);
    return kept;
  };
  const over = (key: string, limit: number, now: number): number | undefined => {
    const times = recent(key, now);
    return times.length >= limit ? Math.max(1, Math.ceil((times[times.length - limit]! + windowMs - now) / 1000)) : undefined;
  };
  return {
    check(account, address) {
      const now = clock();
      const byAccount = over(`a ${account.toLowerCase()}`, limits.perAccount, now);
      if (byAccount !== undefined) return { allowed: false, retryAfterSeconds: byAccount, by: 'account' };
      const byAddress = over(`i ${address}`, limits.perAddress, now);
      if (byAddress !== undefined) return { allowed: false, retryAfterSeconds: byAddress, by: 'address' };
      return { allowed: true, retryAfterSeconds: 0 };
    },
    fail(account, address) {
      const now = clock();
      for (const key of [`a ${account.toLowerCase()}`, `i ${address}`]) failures.set(key, [...recent(key, now), now]);
    },
    succeed(account) {
      failures.delete(`a ${account.toLowerCase()}`);
    },
  };
}
