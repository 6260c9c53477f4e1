/**
 * Migration 003 on an old database that already holds two enrollments of one
 * student and year: nothing is deleted, one is kept as that year's enrollment,
 * the other is marked as its duplicate, and the database refuses a new one.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/shared/ids';
import { migrate } from '../../src/server/db/migrations';
import { DATABASES } from './helpers/databases';
import { mutation } from './helpers/fixtures';
import { call, signIn } from './helpers/http';
import { useServerSuite } from './helpers/server-suite';

describe.each(DATABASES)('one enrollment per year on an old database, on $name', (database) => {
  const { handle, server, center } = useServerSuite(database);

  /** Puts the database back as it was before migration 003 (006's indexes, one on the dropped column, go with it). */
  async function asBefore003(): Promise<void> {
    await sql`drop index enrollments_center_year`.execute(handle.db);
    await sql`drop index audit_log_action`.execute(handle.db);
    await handle.db.deleteFrom('schema_migrations').where('name', '=', '006_progress_indexes').execute();
    await sql`drop index enrollments_one_per_year`.execute(handle.db);
    await sql`alter table enrollments drop column duplicate_of`.execute(handle.db);
    await handle.db.deleteFrom('schema_migrations').where('name', '=', '003_one_enrollment_per_year').execute();
  }

  it('keeps every row, marks all but one of a year as duplicates, prefers an approved paper, and then refuses another', async () => {
    const session = await signIn(server.url, center.advisor.email, center.advisor.password);
    const paper = mutation(1, center.schoolIds[0]!, { application: { ...mutation(1, center.schoolIds[0]!).application, programYear: '2025-26' } });
    expect((await call(server.url, 'POST', '/api/sync/push', { token: session.token, body: { deviceId: session.deviceId, mutations: [paper] } })).status).toBe(200);
    await asBefore003();
    const row = await handle.db.selectFrom('enrollments').selectAll().where('id', '=', paper.recordId).executeTakeFirstOrThrow();
    // Read back after the column was dropped: the row as an old database holds it.
    const old = row;
    const online = { ...old, id: uuidv7(Date.parse('2020-01-01')), origin: 'student_online' as const, status: 'pending_approval' as const, application: '{}', created_at: '2020-01-01T00:00:00.000Z' };
    const secondPaper = { ...old, id: uuidv7(), status: 'submitted' as const, created_at: '2030-01-01T00:00:00.000Z' };
    await handle.db.updateTable('enrollments').set({ status: 'approved' }).where('id', '=', paper.recordId).execute();
    await handle.db.insertInto('enrollments').values([online, secondPaper]).execute();

    expect(await migrate(handle)).toEqual(['003_one_enrollment_per_year', '006_progress_indexes']);

    const rows = await handle.db.selectFrom('enrollments').select(['id', 'duplicate_of']).where('student_id', '=', paper.studentId).orderBy('id').execute();
    expect(new Map(rows.map((r) => [r.id, r.duplicate_of]))).toEqual(new Map([
      [paper.recordId, null],
      [online.id, paper.recordId],
      [secondPaper.id, paper.recordId],
    ]));
    const marks = await handle.db.selectFrom('audit_log').select(['entity_id', 'new_value']).where('action', '=', 'enrollment_marked_duplicate').execute();
    expect(marks.map((m) => m.entity_id).sort()).toEqual([online.id, secondPaper.id].sort());
    await expect(handle.db.insertInto('enrollments').values({ ...secondPaper, id: uuidv7() }).execute()).rejects.toThrow();
  });
});
