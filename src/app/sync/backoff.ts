/**
 * Retry delays for the sync timer: exponential growth with "equal jitter"
 * (half the exponential cap, plus a uniform random part of the other half), so a
 * classroom of tablets that lost the same Wi-Fi does not come back in lockstep.
 */

/** How the delay grows. */
export interface BackoffPolicy {
  /** Delay cap of the first retry (ms). */
  baseMs: number;
  /** No retry waits longer than this (ms). */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 5_000, maxMs: 10 * 60_000 };

/** The exponential cap for the n-th consecutive failure (n >= 1): base * 2^(n-1), at most max. */
export function backoffCeiling(failures: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const exponent = Math.max(0, Math.floor(failures) - 1);
  // Clamp the exponent before Math.pow so a long outage never yields Infinity.
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(exponent, 40));
}

/**
 * The delay before the next attempt after `failures` consecutive failures.
 * `random` is a number in [0, 1); the result is never below half the ceiling,
 * so retries do not collapse to zero and hammer the server.
 */
export function backoffDelay(failures: number, random: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const ceiling = backoffCeiling(failures, policy);
  const r = Math.min(Math.max(random, 0), 1);
  return Math.round(ceiling / 2 + (ceiling / 2) * r);
}
