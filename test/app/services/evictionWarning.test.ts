import { describe, expect, it } from 'vitest';
import { oldestUnsyncedAt, shouldWarnUnsynced, type UnsyncedView } from '../../../src/app/services/evictionWarning';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2025-10-20T12:00:00Z');
const record = (status: UnsyncedView['status'], createdDaysAgo: number, updatedDaysAgo: number, serverVersion: number | null = null): UnsyncedView => ({
  status, createdAt: NOW - createdDaysAgo * DAY, updatedAt: NOW - updatedDaysAgo * DAY, serverVersion,
});

describe('the "sync or export a backup" warning', () => {
  it.each([
    ['nothing on the tablet', [], [], false],
    ['only synced records, however old', [record('synced', 30, 30, 1)], [], false],
    ['a draft typed 5 days ago to the hour', [record('draft', 5, 1)], [], false],
    ['a draft typed a little over 5 days ago, edited today', [record('draft', 5.01, 0)], [], true],
    ['a synced record edited again 6 days ago', [record('ready', 40, 6, 2)], [], true],
    ['a synced record edited again yesterday', [record('ready', 40, 1, 2)], [], false],
    ['an outbox row queued 6 days ago', [], [NOW - 6 * DAY], true],
  ] as const)('%s', (_name, records, queued, warn) => {
    expect(shouldWarnUnsynced(oldestUnsyncedAt(records, queued), NOW)).toBe(warn);
  });

  it('counts from the oldest unsynced change', () => {
    expect(oldestUnsyncedAt([record('draft', 2, 2), record('queued', 9, 3)], [NOW - 4 * DAY])).toBe(NOW - 9 * DAY);
  });
});
