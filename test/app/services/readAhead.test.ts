import { afterEach, describe, expect, it } from 'vitest';
import { dropReadsAhead, readAhead, takeReadAhead } from '../../../src/app/services/readAhead';

afterEach(dropReadsAhead);

describe('reads made ahead of a screen', () => {
  it('gives the answer to the first screen that asks for its key, and to no other', async () => {
    await readAhead('editor/1', () => Promise.resolve('sheet 1'));
    expect(takeReadAhead('editor/2')).toBeNull();
    expect(takeReadAhead('editor/1')).toEqual({ value: 'sheet 1' });
    expect(takeReadAhead('editor/1')).toBeNull();
  });

  it('gives nothing before the read has answered, so the screen reads for itself', async () => {
    let answer: (value: string) => void = () => undefined;
    const done = readAhead('editor/1', () => new Promise<string>((resolve) => (answer = resolve)));
    expect(takeReadAhead('editor/1')).toBeNull();
    answer('sheet 1');
    await done;
    expect(takeReadAhead('editor/1')).toEqual({ value: 'sheet 1' });
  });

  it('drops a read that failed: the screen reads again and says why', async () => {
    await expect(readAhead('editor/1', () => Promise.reject(new Error('quota')))).resolves.toBeUndefined();
    expect(takeReadAhead('editor/1')).toBeNull();
  });

  it('forgets what no screen took once the app is drawn', async () => {
    await readAhead('editor/1', () => Promise.resolve('sheet 1'));
    dropReadsAhead();
    expect(takeReadAhead('editor/1')).toBeNull();
  });
});
