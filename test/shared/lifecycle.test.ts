import { describe, expect, it } from 'vitest';
import { canConfirm, statusAfterAnswer, statusAfterEdit, type Status } from '../../src/shared/lifecycle';

describe('record lifecycle', () => {
  it('an edit makes a record draft when it has errors and ready when it has none', () => {
    expect(statusAfterEdit(true)).toBe('draft');
    expect(statusAfterEdit(false)).toBe('ready');
  });

  it.each<[Status, number, boolean]>([
    ['ready', 0, true],
    ['draft', 0, true],
    ['draft', 1, false],
    ['queued', 0, false],
    ['synced', 0, false],
  ])('%s with %i errors can be confirmed: %s', (status, errors, expected) => {
    expect(canConfirm(status, errors)).toBe(expected);
  });

  it.each([
    ['applied', 'synced'],
    ['duplicate', 'synced'],
    ['rejected', 'rejected'],
    ['conflict', 'conflict'],
  ] as const)('an answer "%s" for the current version makes it %s', (outcome, expected) => {
    expect(statusAfterAnswer({ status: 'queued', version: 3 }, { version: 3, outcome })).toBe(expected);
  });

  it('an answer for an older version leaves a newer edit alone', () => {
    expect(statusAfterAnswer({ status: 'draft', version: 4 }, { version: 3, outcome: 'applied' })).toBe('draft');
  });
});
