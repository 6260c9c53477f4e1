import { describe, expect, it } from 'vitest';
import { screenFirst, screenReadsDone } from '../../../src/app/db/screenFirst';

/** A promise and the function that settles it. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('screenFirst', () => {
  it('holds whole-table work back until the first-screenful reads in flight have ended', async () => {
    const steps: string[] = [];
    const first = gate();
    const second = gate();
    const background = screenReadsDone().then(() => steps.push('count starts'));
    // Started after the count asked, in the same task: as the header and the list mount together.
    const screen = screenFirst(async () => {
      await first.promise;
      steps.push('first screenful');
    });
    const roster = screenFirst(async () => {
      await second.promise;
      steps.push('roster screenful');
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(steps).toEqual([]);
    first.open();
    await screen;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(steps).toEqual(['first screenful']);
    second.open();
    await Promise.all([roster, background]);
    expect(steps).toEqual(['first screenful', 'roster screenful', 'count starts']);
  });

  it('lets the work go on after a first-screenful read that failed, and passes its error on', async () => {
    const read = screenFirst(() => Promise.reject(new Error('vault locked')));
    await expect(read).rejects.toThrow('vault locked');
    await expect(screenReadsDone()).resolves.toBeUndefined();
  });

  it('does not hold the work back when no screen is reading', async () => {
    await expect(screenReadsDone()).resolves.toBeUndefined();
  });
});
