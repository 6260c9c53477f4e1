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
