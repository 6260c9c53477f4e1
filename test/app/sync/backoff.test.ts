import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backoffCeiling, backoffDelay, type BackoffPolicy } from '../../../src/app/sync/backoff';

const policyArb = fc
  .record({ baseMs: fc.integer({ min: 1, max: 60_000 }), extra: fc.integer({ min: 0, max: 3_600_000 }) })
  .map(({ baseMs, extra }): BackoffPolicy => ({ baseMs, maxMs: baseMs + extra }));
const failuresArb = fc.integer({ min: 1, max: 10_000 });
const randomArb = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

describe('sync retry backoff', () => {
  it('never waits longer than the policy maximum, even after a very long outage', () => {
    fc.assert(
      fc.property(policyArb, failuresArb, randomArb, (policy, failures, random) => {
        const delay = backoffDelay(failures, random, policy);
        expect(Number.isFinite(delay)).toBe(true);
        expect(delay).toBeLessThanOrEqual(policy.maxMs);
      }),
    );
  });

  it('always waits at least half of the current ceiling, so retries never hammer the server', () => {
    fc.assert(
      fc.property(policyArb, failuresArb, randomArb, (policy, failures, random) => {
        expect(backoffDelay(failures, random, policy)).toBeGreaterThanOrEqual(Math.floor(backoffCeiling(failures, policy) / 2));
      }),
    );
  });

  it('doubles the ceiling with each further failure until it reaches the maximum', () => {
    fc.assert(
      fc.property(policyArb, failuresArb, (policy, failures) => {
        const next = backoffCeiling(failures + 1, policy);
        expect(next).toBe(Math.min(policy.maxMs, backoffCeiling(failures, policy) * 2));
      }),
    );
  });

  it('spreads tablets that failed together over different delays (jitter)', () => {
    fc.assert(
      fc.property(policyArb.filter((p) => p.baseMs >= 4), failuresArb, (policy, failures) => {
        expect(backoffDelay(failures, 0, policy)).toBeLessThan(backoffDelay(failures, 0.999, policy));
      }),
    );
  });

  it('waits about the base delay before the first retry', () => {
    expect(backoffCeiling(1, { baseMs: 5_000, maxMs: 600_000 })).toBe(5_000);
    expect(backoffDelay(1, 0, { baseMs: 5_000, maxMs: 600_000 })).toBe(2_500);
  });
});
