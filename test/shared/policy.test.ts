import { describe, expect, it } from 'vitest';
import { programYearOf, ssidRequiredFor } from '../../src/shared/policy';

describe('SSID policy by program year', () => {
  it.each([
    ['2014-15', false],
    ['2015-16', true],
    ['2025-26', true],
  ])('%s requires an SSID for approval: %s', (year, expected) => {
    expect(ssidRequiredFor(year)).toBe(expected);
  });

  it('honours a center policy with a later start', () => {
    expect(ssidRequiredFor('2015-16', { requiredFrom: '2016-07-01' })).toBe(false);
  });

  it.each([
    ['2026-06-30', '2025-26'],
    ['2026-07-01', '2026-27'],
    ['2099-12-31', '2099-00'],
  ])('%s falls in program year %s', (date, year) => {
    expect(programYearOf(date)).toBe(year);
  });
});
