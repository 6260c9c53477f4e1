import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDraftSaver } from '../../../src/app/services/draftSaver';
import { flushAllDrafts, registerFlush } from '../../../src/app/services/pendingSaves';

afterEach(() => {
  vi.useRealTimers();
});

function recorder(fail: () => boolean = () => false) {
  const saved: string[] = [];
  const saver = createDraftSaver<string>({
    save: async (value) => {
      if (fail()) throw new Error('disk trouble');
      saved.push(value);
    },
    onState: () => undefined,
    describeError: () => 'could not save',
  });
  return { saved, saver };
}

describe('draft saver', () => {
  it('writes only the newest value once typing pauses', async () => {
    vi.useFakeTimers();
    const { saved, saver } = recorder();
    saver.schedule('M');
    saver.schedule('Ma');
    saver.schedule('Mar');
    expect(saved).toEqual([]);
    await vi.runAllTimersAsync();
    expect(saved).toEqual(['Mar']);
  });

  it('writes at once on flush, without waiting for the pause', async () => {
    vi.useFakeTimers();
    const { saved, saver } = recorder();
    saver.schedule('Maria');
    expect(await saver.flush()).toBe(true);
    expect(saved).toEqual(['Maria']);
    expect(saver.hasPending()).toBe(false);
  });

  it('writes a value typed during a write right after it, in order', async () => {
    const { saved, saver } = recorder();
    saver.schedule('Mari');
    const first = saver.flush();
    saver.schedule('Maria');
    await first;
    await saver.flush();
    expect(saved).toEqual(['Mari', 'Maria']);
  });

  it('writes after the frame that shows the change, so the write never holds up that frame', async () => {
    vi.useFakeTimers();
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    try {
      const { saved, saver } = recorder();
      saver.schedule('M');
      saver.schedule('Ma');
      await vi.advanceTimersByTimeAsync(10);
      expect(saved).toEqual([]);
      for (const frame of frames.splice(0)) frame(0);
      expect(saved).toEqual([]);
      await vi.advanceTimersByTimeAsync(0);
      expect(saved).toEqual(['Ma']);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('writes without a frame when none comes (a hidden page)', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', () => 1);
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    try {
      const { saved, saver } = recorder();
      saver.schedule('Maria');
      await vi.runAllTimersAsync();
      expect(saved).toEqual(['Maria']);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('writes a value typed during a write after the next frame, not straight after the write', async () => {
    let release: () => void = () => undefined;
    const saved: string[] = [];
    const saver = createDraftSaver<string>({
      save: async (value) => {
        if (value === 'Mari') await new Promise<void>((resolve) => { release = resolve; });
        saved.push(value);
      },
      onState: () => undefined,
      describeError: () => 'could not save',
      delayMs: 60_000,
    });
    vi.useFakeTimers();
    saver.schedule('Mari');
    await vi.advanceTimersByTimeAsync(60_000);
    saver.schedule('Maria');
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(saved).toEqual(['Mari']);
    expect(saver.pendingValue()).toBe('Maria');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(saved).toEqual(['Mari', 'Maria']);
  });

  it('writes again on flushSoon after a failed write', async () => {
    vi.useFakeTimers();
    let failing = true;
    const { saved, saver } = recorder(() => failing);
    saver.schedule('Maria');
    await vi.runAllTimersAsync();
    expect(saved).toEqual([]);
    failing = false;
    saver.flushSoon();
    await vi.runAllTimersAsync();
    expect(saved).toEqual(['Maria']);
    expect(saver.hasPending()).toBe(false);
  });

  it('keeps a value whose write failed until a later write succeeds', async () => {
    let failing = true;
    const { saved, saver } = recorder(() => failing);
    saver.schedule('Maria');
    expect(await saver.flush()).toBe(false);
    expect(saver.hasPending()).toBe(true);
    failing = false;
    expect(await saver.flush()).toBe(true);
    expect(saved).toEqual(['Maria']);
  });
});

describe('flushing every open form', () => {
  it('reports failure when any form could not be saved', async () => {
    let failing = true;
    const { saver } = recorder(() => failing);
    const unregister = registerFlush(saver.flush);
    saver.schedule('Maria');
    expect(await flushAllDrafts()).toBe(false);
    failing = false;
    expect(await flushAllDrafts()).toBe(true);
    unregister();
  });
});
