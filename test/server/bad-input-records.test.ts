/**
 * Bad records inside a well-formed push (issue 5, item 6), fuzzed over real
 * HTTP on each database. Design section 7: one bad record never blocks the
 * queue, so a record that breaks the contract is answered `rejected` with the
 * fields at fault (never a 5xx that would stall the tablet's outbox) and is not
 * stored; names full of SQL, HTML and Unicode oddities are data, stored exactly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { MAX_STORED_VERSION, mutationSchema, type Mutation, type MutationResult } from '../../src/shared/protocol';
import { findEnrollment } from '../../src/server/queries/enrollments';
import { findStudent } from '../../src/server/queries/students';
import { DATABASES } from './helpers/databases';
import { fieldJsonValue } from './helpers/json-values';
import { application, makeCenter, mutation } from './helpers/fixtures';
import { call } from './helpers/http';
import { useServerSuite } from './helpers/server-suite';

const RUNS = 40;

/** Strings that have broken web apps before. */
const NASTY = [
  "'; DROP TABLE students;--", 'Robert"); DROP TABLE enrollments; --', "O'Brien", '<script>alert(1)</script>', '<img src=x onerror=alert(1)>',
  '${7*7}', '{{7*7}}', '%s%s%n', '../../etc/passwd', 'NULL', 'undefined', '__proto__', 'constructor',
  'Zoë Ñúñez', 'Nguyễn', '李小龍', 'محمد', '\u202Egnp.exe', 'a\u200Bb', 'e\u0301\u0301\u0301', '👩‍👩‍👧‍👦', '\uFEFFBOM', 'tab\there', 'line\nbreak',
];

/** Values of the wrong kind for any field. */
const wrongValue = fc.oneof(
  fc.constantFrom(null, true, 0, -1, 1.5, [], {}, 'x'.repeat(10_000)),
  fieldJsonValue({ maxDepth: 2 }),
);

describe.each(DATABASES)('bad records in a push on $name', (database) => {
  const { handle, server, center, session } = useServerSuite(database, { signIn: 'advisor' });
  let nextId = 1;

  const school = () => center.schoolIds[0]!;

  /** Pushes one record; the answer must be a 200 with one result for it. */
  async function pushOne(record: Record<string, unknown>): Promise<MutationResult> {
    const answer = await call<{ results: MutationResult[] }>(server.url, 'POST', '/api/sync/push', { token: session.token, body: { deviceId: session.deviceId, mutations: [record] } });
    expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).toBe(200);
    expect(answer.body.results).toHaveLength(1);
    return answer.body.results[0]!;
  }

  it('names a list field once when items in it are wrong (regression: it said ethnicity.0)', async () => {
    const record: Mutation = mutation(nextId++, school());
    const broken = structuredClone(record) as unknown as { application: Record<string, unknown> };
    broken.application.ethnicity = [0, 1];
    const result = await pushOne(broken);
    expect(result.status).toBe('rejected');
    if (result.status === 'rejected') expect(result.reason.fields?.map((f) => f.field)).toEqual(['ethnicity']);
    expect(await findEnrollment(handle.db, record.recordId)).toBeUndefined();
  });

  it('names a paper field by its name, any other by its whole path, and gives each field its first reason', async () => {
    const record = mutation(nextId++, school());
    const result = await pushOne({ ...record, application: { ...record.application, firstName: ' '.repeat(81) }, verification: { enteredBy: session.user.id } });
    expect(result.status === 'rejected' && result.reason.fields).toEqual([
      // Too long, then (once trimmed) empty: the first is the one to fix.
      { field: 'firstName', message: expect.stringContaining('80') },
      ...['verifiedBy', 'signedInAs', 'verifiedAt', 'fields'].map((f) => ({ field: `verification.${f}`, message: expect.any(String) })),
    ]);
    const withoutPaper = await pushOne({ ...mutation(nextId++, school()), application: null });
    expect(withoutPaper).toMatchObject({ status: 'rejected', reason: { code: 'invalid', fields: [{ field: 'application' }] } });
  });

  it('rejects a record with a field missing or of the wrong kind, names the field, and stores nothing', async () => {
    // mutationId and recordId are the envelope, refused for the whole push (below).
    const fields = Object.keys(mutation(1, school())).filter((k) => !['mutationId', 'recordId', 'application'].includes(k))
      .concat(Object.keys(application(school())).map((k) => `application.${k}`));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), fc.option(wrongValue, { nil: undefined }), async (field, value) => {
        const record: Mutation = mutation(nextId++, school());
        const broken = structuredClone(record) as unknown as Record<string, Record<string, unknown>>;
        const [head, tail] = field.split('.') as [string, string | undefined];
        const target = tail === undefined ? (broken as unknown as Record<string, unknown>) : broken[head]!;
        if (value === undefined) delete target[tail ?? head];
        else target[tail ?? head] = value;
        const result = await pushOne(broken);
        if (mutationSchema.safeParse(broken).success) return; // the change happened to be valid (an empty middle name, say)
        expect(result.status).toBe('rejected');
        if (result.status === 'rejected') expect(result.reason.fields?.map((f) => f.field)).toContain(tail ?? head);
        expect(await findEnrollment(handle.db, record.recordId)).toBeUndefined();
        expect(await findStudent(handle.db, record.studentId)).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses a whole push whose record id is not text: it cannot be answered record by record', async () => {
    for (const recordId of [null, 7, [], {}, 'x'.repeat(101)]) {
      const record = mutation(nextId, school());
      const answer = await call(server.url, 'POST', '/api/sync/push', { token: session.token, body: { deviceId: session.deviceId, mutations: [{ ...record, recordId }] } });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 400.2, message: 'Some fields are not valid.' });
      expect(await findStudent(handle.db, record.studentId)).toBeUndefined();
    }
  });

  it('rejects invalid SSIDs with a reason on ssid and stores nothing', async () => {
    const badSsid = fc.oneof(
      fc.string({ maxLength: 20 }).filter((s) => s !== '' && !/^\d{10}$/.test(s)),
      fc.integer({ min: 0, max: 9 }).map((n) => String(n).repeat(9)),
      fc.constantFrom('12345678901', '123456789O', '12345 67890', '１２３４５６７８９０', '-123456789', '1e9', '0x12345678'),
    );
    await fc.assert(
      fc.asyncProperty(badSsid, async (ssid) => {
        const record = mutation(nextId++, school(), { application: application(school(), { ssid }) });
        const result = await pushOne(record);
        expect(result).toMatchObject({ status: 'rejected', reason: { code: 'invalid' } });
        if (result.status === 'rejected') expect(result.reason.fields?.map((f) => f.field)).toContain('ssid');
        expect(await findStudent(handle.db, record.studentId)).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });

  it('stores names full of SQL, HTML and Unicode oddities exactly as typed', async () => {
    const name = fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 })).filter((s) => s.trim() !== '');
    await fc.assert(
      fc.asyncProperty(name, name, async (firstName, lastName) => {
        const record = mutation(nextId++, school(), { application: application(school(), { firstName, lastName }) });
        const result = await pushOne(record);
        expect(result.status).toBe('applied');
        expect(await findStudent(handle.db, record.studentId)).toMatchObject({ first_name: firstName.trim(), last_name: lastName.trim() });
      }),
      { numRuns: RUNS },
    );
    // The tables the injections name are still there, with their rows.
    expect(Number((await handle.db.selectFrom('students').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBeGreaterThanOrEqual(RUNS);
  });

  it('rejects control characters the databases cannot store, instead of failing the whole push', async () => {
    for (const firstName of ['Ana\u0000', 'An\u0000a']) {
      const record = mutation(nextId++, school(), { application: application(school(), { firstName }) });
      const result = await pushOne(record);
      expect(result).toMatchObject({ status: 'rejected', reason: { code: 'invalid', fields: [expect.objectContaining({ field: 'firstName' })] } });
      expect(await findStudent(handle.db, record.studentId)).toBeUndefined();
    }
  });

  it('rejects a lone surrogate (not well-formed text) in a field, instead of storing broken text', async () => {
    for (const firstName of ['Ana\ud800', '\udc00Ana']) {
      const record = mutation(nextId++, school(), { application: application(school(), { firstName }) });
      expect(await pushOne(record)).toMatchObject({ status: 'rejected', reason: { code: 'invalid', fields: [expect.objectContaining({ field: 'firstName' })] } });
      expect(await findStudent(handle.db, record.studentId)).toBeUndefined();
    }
    // A well-formed pair (an emoji) is text and is stored.
    const record = mutation(nextId++, school(), { application: application(school(), { firstName: 'Ana \ud83d\ude00' }) });
    expect(await pushOne(record)).toMatchObject({ status: 'applied' });
  });

  it('rejects versions too big for either database as one record, never a failed push (regression: PostgreSQL 22003)', async () => {
    for (const overrides of [{ version: MAX_STORED_VERSION + 1 }, { version: 2 ** 53 }, { baseServerVersion: MAX_STORED_VERSION + 1 }]) {
      const record = mutation(nextId++, school(), overrides);
      const result = await pushOne(record);
      expect(result, JSON.stringify(overrides)).toMatchObject({ status: 'rejected', reason: { code: 'invalid' } });
      expect(await findEnrollment(handle.db, record.recordId)).toBeUndefined();
    }
    const largest = mutation(nextId++, school(), { version: MAX_STORED_VERSION });
    expect(await pushOne(largest)).toMatchObject({ status: 'applied' });
    expect(await findEnrollment(handle.db, largest.recordId)).toMatchObject({ client_version: MAX_STORED_VERSION });
  });

  it('answers a record the database itself refuses as rejected and applies the rest of the push', async () => {
    // A trigger stands in for any refusal the schemas did not foresee.
    if (handle.dialect === 'postgres') {
      await sql`create function refuse_marked() returns trigger language plpgsql as $$ begin raise exception 'refused' using errcode = '22023'; end $$`.execute(handle.db);
      await sql`create trigger refuse_marked before insert on enrollments for each row when (new.client_version = 777) execute function refuse_marked()`.execute(handle.db);
    } else {
      // A NOT NULL violation inside the trigger: SQLite's own refusal of a value.
      await sql`create table refused_values (value text not null)`.execute(handle.db);
      await sql`create trigger refuse_marked before insert on enrollments when new.client_version = 777 begin insert into refused_values (value) values (null); end`.execute(handle.db);
    }
    try {
      const batch = [mutation(nextId++, school()), mutation(nextId++, school(), { version: 777 }), mutation(nextId++, school())];
      const answer = await call<{ results: MutationResult[] }>(server.url, 'POST', '/api/sync/push', { token: session.token, body: { deviceId: session.deviceId, mutations: batch } });
      expect(answer.status).toBe(200);
      expect(answer.body.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
      expect(answer.body.results[1]).toMatchObject({ reason: { code: 'unstorable' } });
      expect(await findEnrollment(handle.db, batch[0]!.recordId)).toBeDefined();
      expect(await findStudent(handle.db, batch[1]!.studentId)).toBeUndefined();
      expect(await findEnrollment(handle.db, batch[2]!.recordId)).toBeDefined();
    } finally {
      await sql`drop trigger refuse_marked${sql.raw(handle.dialect === 'postgres' ? ' on enrollments' : '')}`.execute(handle.db);
    }
  });

  it('ignores unknown fields and never stores them, nor lets them pick the center', async () => {
    const other = await makeCenter(handle, 'other');
    const record = mutation(nextId++, school());
    const withExtras = { ...record, centerId: other.centerId, status: 'approved', application: { ...record.application, isAdmin: true, centerId: other.centerId } };
    expect(await pushOne(withExtras)).toMatchObject({ status: 'applied' });
    const stored = await findEnrollment(handle.db, record.recordId);
    expect(stored).toMatchObject({ center_id: center.centerId, status: 'submitted' });
    expect(JSON.parse(stored!.application)).toEqual(record.application);
  });
});
