import { describe, expect, it } from 'vitest';
import { countSecondKeyerWaits, secondKeyerWait, type SheetBeforeSecondKeyer } from '../../src/shared/second-keyer-wait';

/** A new sheet of a verifying batch, typed to the end and not yet keyed again. */
const typed: SheetBeforeSecondKeyer = {
  status: 'ready',
  gate: { verifies: true, verified: false, knownToServer: false, serverAsked: false },
  inSecondLook: false,
  sentElsewhere: false,
};
const verified = { ...typed.gate, verified: true };
const sent = { ...typed, sentElsewhere: true };
const refused = { ...typed, status: 'rejected', gate: { ...typed.gate, knownToServer: true, serverAsked: true } } as const;

describe('where a sheet waits for its second keyer', () => {
  it.each([
    ['a typed sheet of a verifying batch', typed, 'here'],
    ['a draft with problems (fixed first)', { ...typed, status: 'draft' }, null],
    ['a sheet the server sent back for a second keying', refused, 'here'],
    ['a sheet verified here, not yet confirmed', { ...typed, gate: verified }, null],
    ['a sheet verified here and synced', { ...typed, status: 'synced', gate: verified }, null],
    ['a sheet in "Needs a second look"', { ...typed, inSecondLook: true }, 'second_look'],
    ['a sheet of a batch that does not verify', { ...typed, gate: { ...typed.gate, verifies: false } }, null],
    ['a sheet sent elsewhere, confirmed', { ...sent, status: 'confirmed' }, 'after_sync'],
    ['a sheet sent elsewhere, in the outbox', { ...sent, status: 'queued' }, 'after_sync'],
    ['a sheet sent elsewhere that the server holds', { ...sent, status: 'synced', gate: { ...typed.gate, knownToServer: true } }, 'elsewhere'],
    ['a sheet sent elsewhere and verified there', { ...sent, status: 'synced', gate: { ...verified, knownToServer: true } }, null],
    ['a sheet sent elsewhere, edited before the server had it', { ...sent, status: 'ready' }, 'here'],
    ['a sheet sent elsewhere, edited after the server had it', { ...sent, status: 'ready', gate: { ...typed.gate, knownToServer: true } }, null],
    ['a sheet sent elsewhere that the server found in conflict', { ...sent, status: 'conflict', gate: { ...typed.gate, knownToServer: true } }, null],
    ['a sheet another tablet typed, pulled here', { pulled: true, inSecondLook: false }, 'here'],
    ['a pulled sheet in "Needs a second look" here', { pulled: true, inSecondLook: true }, 'second_look'],
  ] as const)('%s: %s', (_, sheet, expected) => {
    expect(secondKeyerWait(sheet)).toBe(expected);
  });

  it('counts a batch’s sheets by where they wait', () => {
    const batch: SheetBeforeSecondKeyer[] = [
      typed, typed, refused,
      { ...typed, inSecondLook: true },
      { ...sent, status: 'queued' },
      { ...sent, status: 'synced' }, { ...sent, status: 'synced' },
      { ...typed, status: 'synced', gate: verified },
      { ...typed, status: 'draft' },
    ];
    expect(countSecondKeyerWaits(batch)).toEqual({ here: 3, secondLook: 1, afterSync: 1, elsewhere: 2 });
    expect(countSecondKeyerWaits([...batch, { pulled: true, inSecondLook: false }, { pulled: true, inSecondLook: true }])).toEqual({ here: 4, secondLook: 2, afterSync: 1, elsewhere: 2 });
    expect(countSecondKeyerWaits([])).toEqual({ here: 0, secondLook: 0, afterSync: 0, elsewhere: 0 });
  });
});
