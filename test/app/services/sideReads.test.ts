import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOLD_AT_MOST_MS, holdSideReads, whenSideReadsAllowed } from '../../../src/app/services/sideReads';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(async () => {
  // Every hold a test leaves has run out, so the next starts with none.
  await vi.runAllTimersAsync();
  vi.useRealTimers();
});

describe('side reads held back while a screen draws', () => {
  it('start at once when no screen holds them', () => {
    const started: string[] = [];
    whenSideReadsAllowed(() => started.push('counts'));
    expect(started).toEqual(['counts']);
  });

  it('wait for the hold to be released, and start once each', () => {
    const started: string[] = [];
    const release = holdSideReads();
    whenSideReadsAllowed(() => started.push('counts'));
    whenSideReadsAllowed(() => started.push('sheet number'));
    expect(started).toEqual([]);
    release();
    expect(started).toEqual(['counts', 'sheet number']);
    release();
    expect(started).toEqual(['counts', 'sheet number']);
  });

  it('wait for every hold, and no hold lasts longer than its limit', () => {
    const started: string[] = [];
    const first = holdSideReads();
    holdSideReads();
    whenSideReadsAllowed(() => started.push('counts'));
    first();
    expect(started).toEqual([]);
    vi.advanceTimersByTime(HOLD_AT_MOST_MS - 1);
    expect(started).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(started).toEqual(['counts']);
  });

  it('do not start a read whose screen stopped waiting for it', () => {
    const started: string[] = [];
    const release = holdSideReads();
    const stop = whenSideReadsAllowed(() => started.push('counts'));
    stop();
    release();
    expect(started).toEqual([]);
  });
});
