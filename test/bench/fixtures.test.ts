import { describe, expect, it } from 'vitest';
import { makeRecords } from '../../bench/lib/fixtures';
import { toMutations } from '../../bench/lib/mutations';
import { mutationSchema } from '../../src/shared/protocol';

describe('benchmark records', () => {
  const records = makeRecords({ count: 300, schoolIds: ['school-a', 'school-b'] });

  it('are the same in every run, so every peer handles the same bytes', () => {
    expect(makeRecords({ count: 300, schoolIds: ['school-a', 'school-b'] })).toEqual(records);
  });

  it('give every student a different SSID, so the server never sees a conflict', () => {
    expect(new Set(records.map((r) => r.fields.ssid)).size).toBe(records.length);
  });

  it('are mutations the server must accept', () => {
    for (const mutation of toMutations(records, 1, '2025-09-02T16:00:00.000Z')) {
      expect(mutationSchema.safeParse(mutation).success).toBe(true);
    }
  });

  it('use only the schools they were given', () => {
    expect(new Set(records.map((r) => r.fields.schoolId))).toEqual(new Set(['school-a', 'school-b']));
  });
});
