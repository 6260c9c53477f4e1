import { describe, expect, it } from 'vitest';
import { describeSsidDisagreements } from '../../../src/app/model/secondKeying';

describe('describeSsidDisagreements', () => {
  it.each<[number, number, string | null]>([
    [0, 0, null],
    [1, 0, '1 SSID differed between keyers; it was settled from the paper.'],
    [2, 0, '2 SSIDs differed between keyers; both settled from the paper.'],
    [3, 0, '3 SSIDs differed between keyers; all settled from the paper.'],
    [0, 1, '1 SSID differed between keyers; it waits for a second look.'],
    [0, 2, '2 SSIDs differed between keyers; both wait for a second look.'],
    [0, 4, '4 SSIDs differed between keyers; all wait for a second look.'],
    [1, 1, '2 SSIDs differed between keyers; 1 settled from the paper, 1 waits for a second look.'],
    [3, 2, '5 SSIDs differed between keyers; 3 settled from the paper, 2 wait for a second look.'],
  ])('%i settled, %i waiting', (settled, waiting, line) => {
    expect(describeSsidDisagreements({ settled, waiting })).toBe(line);
  });
});
