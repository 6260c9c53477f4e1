import { describe, expect, it } from 'vitest';
import { describeHistoryEntry } from '../../../../src/app/features/students/record/historyLabels';
import { tooManyAttempts } from '../../../../src/app/features/students/reenroll/useReEnroll';

describe('history lines', () => {
  const at = '2026-01-01T00:00:00.000Z';
  it.each([
    [{ action: 'ssid_changed', from: null, to: '8741' }, 'CA SSID set: ••••••8741'],
    [{ action: 'ssid_changed', from: '7560', to: '7561' }, 'CA SSID changed: ••••••7560 → ••••••7561'],
    [{ action: 'ssid_sent_to_review', from: null, to: '1234' }, 'Sent to center review over an SSID conflict: ••••••1234'],
    [{ action: 'some_new_action', from: null, to: null }, 'some new action'],
  ])('%j reads "%s"', (entry, words) => {
    expect(describeHistoryEntry({ at, by: 'Demo Advisor', ...entry })).toBe(words);
  });
});

describe('too many attempts', () => {
  it.each([
    ['900', 'Too many attempts, try again in 15 minutes.'],
    ['61', 'Too many attempts, try again in 2 minutes.'],
    ['5', 'Too many attempts, try again in 1 minute.'],
    [null, 'Too many attempts, try again in 15 minutes.'],
  ])('Retry-After %s says "%s"', (header, words) => {
    expect(tooManyAttempts(header)).toBe(words);
  });

  it('reads an HTTP date too', () => {
    const now = Date.parse('2026-01-01T10:00:00Z');
    expect(tooManyAttempts('Thu, 01 Jan 2026 10:10:00 GMT', now)).toBe('Too many attempts, try again in 10 minutes.');
  });
});
