/** The storage layer on each database: migrations, constraints, counters, rate limits. */
import { beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/shared/ids';
import { databaseProblem, isRetryable, isUniqueViolation } from '../../src/server/db/errors';
import { migrate } from '../../src/server/db/migrations';
import { currentChangeSeq, nextChangeSeq } from '../../src/server/queries/change-seq';
import { clearAttempts, countAttempt } from '../../src/server/queries/rate-limits';
import { setSettingOnce } from '../../src/server/queries/settings';
import { ssidPolicyFor, setSsidPolicy } from '../../src/server/queries/ssid-policy';
import { insertStudent, searchStudents, type StudentRow } from '../../src/server/queries/students';
import { resolveServerSecret } from '../../src/server/secret';
import { DATABASES } from './helpers/databases';
import { makeCenter, randomSsid, type CenterFixture } from './helpers/fixtures';
import { useDatabase } from './helpers/server-suite';

function student(center: CenterFixture, overrides: Partial<StudentRow> = {}): StudentRow {
  const now = new Date().toISOString();
  return {
    id: uuidv7(), center_id: center.centerId, first_name: 'Ana', middle_name: '', last_name: 'Diaz', date_of_birth: '2010-01-01',
    grade: '9', school_id: center.schoolIds[0]!, school_student_id: '', ssid: null, ssid_source: null, ssid_confirmed_at: null,
    ssid_confirmed_by: null, ssid_entered_by: null, ssid_verified_by: null, ssid_second_look_by: null, version: 1, updated_seq: 1, deleted: 0, created_at: now, updated_at: now, ...overrides,
  };
}

describe.each(DATABASES)('storage on $name', (database) => {
  const { handle } = useDatabase(database);
  let center: CenterFixture;

  beforeAll(async () => {
    center = await makeCenter(handle);
  });

  it('applies migrations once: a second run at start applies nothing', async () => {
    expect(await migrate(handle)).toEqual([]);
  });

  it('refuses a second student with the same SSID, as a conflict the push can retry', async () => {
    const ssid = randomSsid();
    await insertStudent(handle.db, student(center, { ssid }));
    const error = await insertStudent(handle.db, student(center, { ssid })).then(() => undefined, (e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect(isRetryable(error)).toBe(true);
    expect(databaseProblem(error)).toBe('conflict');
  });

  it('lets any number of students have no SSID', async () => {
    await insertStudent(handle.db, student(center));
    await insertStudent(handle.db, student(center));
  });

  it('refuses an SSID that is not 10 characters, whatever the code above it does', async () => {
    await expect(insertStudent(handle.db, student(center, { ssid: '12345' }))).rejects.toThrow();
  });

  it('hands out change numbers that only increase, and rolls one back with its transaction', async () => {
    const first = await nextChangeSeq(handle.db, center.centerId);
    const second = await nextChangeSeq(handle.db, center.centerId);
    expect(second).toBe(first + 1);
    await expect(handle.db.transaction().execute(async (trx) => {
      await nextChangeSeq(trx, center.centerId);
      throw new Error('abort');
    })).rejects.toThrow('abort');
    expect(await currentChangeSeq(handle.db, center.centerId)).toBe(second);
  });

  it('counts attempts within a window and starts again after it', async () => {
    const key = `test:${uuidv7()}`;
    const t0 = new Date('2026-01-01T10:00:00.000Z');
    expect(await countAttempt(handle.db, key, 60_000, t0)).toBe(1);
    expect(await countAttempt(handle.db, key, 60_000, new Date(t0.getTime() + 1_000))).toBe(2);
    expect(await countAttempt(handle.db, key, 60_000, new Date(t0.getTime() + 61_000))).toBe(1);
    await clearAttempts(handle.db, key);
    expect(await countAttempt(handle.db, key, 60_000, t0)).toBe(1);
  });

  it('keeps the first server secret made, so every instance derives the same SSID keys', async () => {
    const made = await resolveServerSecret(handle.db, undefined);
    expect(made).toMatch(/^[0-9a-f]{64}$/);
    expect(await resolveServerSecret(handle.db, undefined)).toBe(made);
    expect(await setSettingOnce(handle.db, 'server_secret', 'other')).toBe(made);
    expect(await resolveServerSecret(handle.db, 'from-env')).toBe('from-env');
  });

  it('reads the SSID policy of a center, falling back to the global one (2015-07-01)', async () => {
    expect(await ssidPolicyFor(handle.db, center.centerId)).toEqual({ requiredFrom: '2015-07-01' });
    await setSsidPolicy(handle.db, center.centerId, '2016-07-01', new Date().toISOString());
    expect(await ssidPolicyFor(handle.db, center.centerId)).toEqual({ requiredFrom: '2016-07-01' });
    expect(await ssidPolicyFor(handle.db, 'another-center')).toEqual({ requiredFrom: '2015-07-01' });
  });

  it('searches names case-insensitively by prefix, and treats % and _ as plain characters', async () => {
    const other = await makeCenter(handle, 'search');
    await insertStudent(handle.db, student(other, { first_name: 'Zoë', last_name: 'Okafor' }));
    await insertStudent(handle.db, student(other, { first_name: 'Ben', last_name: 'O_Neil' }));
    expect((await searchStudents(handle.db, other.centerId, 'oka', 10)).map((s) => s.last_name)).toEqual(['Okafor']);
    expect((await searchStudents(handle.db, other.centerId, 'o_', 10)).map((s) => s.last_name)).toEqual(['O_Neil']);
    expect(await searchStudents(handle.db, other.centerId, '%', 10)).toEqual([]);
  });
});
