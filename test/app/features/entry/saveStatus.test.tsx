// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SLOW_SAVE_MS, useSaveStatus } from '../../../../src/app/features/entry/useSaveStatus';
import type { SaveState } from '../../../../src/app/services/draftSaver';

/** Lets the clock run `ms`, with what its timers set drawn. */
function wait(ms: number): void {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
}

/** The status the screen draws, after each state the draft saver reports. */
function watch() {
  const { result } = renderHook(() => useSaveStatus());
  const report = (state: SaveState) => act(() => result.current[1](state));
  const shown = () => result.current[0].kind;
  return { report, shown };
}

describe('what the entry screen says about saving', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says nothing new at each key while the saves keep up with the typing', () => {
    const { report, shown } = watch();
    report({ kind: 'saved', at: 1 });
    for (let key = 0; key < 5; key++) {
      report({ kind: 'pending' });
      expect(shown()).toBe('saved');
      report({ kind: 'saving' });
      expect(shown()).toBe('saved');
      wait(SLOW_SAVE_MS / 2);
      report({ kind: 'saved', at: 2 + key });
      expect(shown()).toBe('saved');
    }
    wait(SLOW_SAVE_MS * 2);
    expect(shown()).toBe('saved');
  });

  it('says “Saving…” once a write has run for a while, and “Saved” when it ends', () => {
    const { report, shown } = watch();
    report({ kind: 'pending' });
    report({ kind: 'saving' });
    wait(SLOW_SAVE_MS - 1);
    expect(shown()).toBe('idle');
    wait(1);
    expect(shown()).toBe('saving');
    report({ kind: 'saved', at: 1 });
    expect(shown()).toBe('saved');
    // The next slow write is timed from its own start.
    report({ kind: 'saving' });
    wait(SLOW_SAVE_MS - 1);
    expect(shown()).toBe('saved');
    wait(1);
    expect(shown()).toBe('saving');
  });

  it('shows a failed save at once, and its retry as soon as it starts', () => {
    const { report, shown } = watch();
    report({ kind: 'saving' });
    report({ kind: 'error', message: 'Storage is full' });
    expect(shown()).toBe('error');
    wait(SLOW_SAVE_MS * 2);
    expect(shown()).toBe('error');
    report({ kind: 'pending' });
    expect(shown()).toBe('pending');
  });
});
