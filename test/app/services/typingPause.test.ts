import { afterEach, describe, expect, it, vi } from 'vitest';
import { isTyping, noteTyping, onTyping, TYPING_PAUSE_MS } from '../../../src/app/services/typingPause';

afterEach(async () => {
  // Every test ends at a pause, so the next starts with nobody typing.
  await vi.runAllTimersAsync();
  vi.useRealTimers();
});

describe('typing pause', () => {
  it('tells listeners of each typed change and of the pause once no change came for the pause', () => {
    vi.useFakeTimers();
    const heard: boolean[] = [];
    const stop = onTyping((typing) => heard.push(typing));
    noteTyping();
    vi.advanceTimersByTime(TYPING_PAUSE_MS - 100);
    noteTyping();
    // A key came 100 ms before the first pause would have ended: still typing.
    vi.advanceTimersByTime(TYPING_PAUSE_MS - 100);
    expect(isTyping()).toBe(true);
    expect(heard).toEqual([true, true]);
    vi.advanceTimersByTime(100);
    expect(isTyping()).toBe(false);
    expect(heard).toEqual([true, true, false]);
    stop();
  });

  it('tells nothing to a listener that stopped listening', () => {
    vi.useFakeTimers();
    const heard: boolean[] = [];
    onTyping((typing) => heard.push(typing))();
    noteTyping();
    vi.advanceTimersByTime(TYPING_PAUSE_MS);
    expect(heard).toEqual([]);
  });
});
