/**
 * A push is all or nothing: when the database itself refuses one mutation of a
 * batch, nothing of the batch is stored and the device's last applied id stays
 * where it was, so the tablet's retry sends the whole batch again. The refusal
 * is a trigger this test installs, which fails the insert of any enrollment whose
 * application carries a marker name: deterministic, on SQLite and PostgreSQL.
 */
import { ColumnNode, sql, type KyselyPlugin, type RootOperationNode } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { pushResponseSchema, type Mutation } from '../../src/shared/protocol';
import type { DatabaseHandle } from '../../src/server/db/connect';
import { auditOf } from '../../src/server/queries/audit-log';
import { findEnrollment } from '../../src/server/queries/enrollments';
import { findStudent } from '../../src/server/queries/students';
import { DATABASES, type TestDatabase } from './helpers/databases';
import { application, mutation } from './helpers/fixtures';
import { call, signIn, startServer } from './helpers/http';
import { useServerSuite } from './helpers/server-suite';

const MARKER = 'Tripwire';

/** Makes the database refuse, from inside the push's own statements, any enrollment named MARKER. */
async function armTripwire(handle: DatabaseHandle, database: TestDatabase): Promise<void> {
  if (database.name === 'sqlite') {
    await sql.raw(`create trigger tripwire before insert on enrollments when new.application like '%${MARKER}%' begin select raise(abort, 'tripwire'); end`).execute(handle.db);
    return;
  }
  await sql.raw(`create or replace function tripwire() returns trigger language plpgsql as $$ begin if new.application like '%${MARKER}%' then raise exception 'tripwire'; end if; return new; end $$`).execute(handle.db);
  await sql.raw('create trigger tripwire before insert on enrollments for each row execute function tripwire()').execute(handle.db);
}

const RACER = 'Racer';

/**
 * Makes every insert of an enrollment named RACER lose a race, as when another
 * device commits the same key first: an error the push runs again for.
 */
async function armLostRace(handle: DatabaseHandle, database: TestDatabase): Promise<void> {
  if (database.name === 'sqlite') {
    await sql.raw(`create table taken_keys (k text primary key)`).execute(handle.db);
    await sql.raw(`insert into taken_keys values ('taken')`).execute(handle.db);
    await sql.raw(`create trigger lost_race before insert on enrollments when new.application like '%${RACER}%' begin insert into taken_keys values ('taken'); end`).execute(handle.db);
    return;
  }
  await sql.raw(`create or replace function lost_race() returns trigger language plpgsql as $$ begin if new.application like '%${RACER}%' then raise exception 'lost race' using errcode = 'unique_violation'; end if; return new; end $$`).execute(handle.db);
  await sql.raw('create trigger lost_race before insert on enrollments for each row execute function lost_race()').execute(handle.db);
}

/** Counts the push transactions begun: each starts by locking the device's ledger (lockDevice), which no other statement does. */
function ledgerLocks(): KyselyPlugin & { count: number } {
  const isLedgerLock = (node: RootOperationNode) =>
    node.kind === 'UpdateQueryNode' && (node.updates ?? []).some((u) => ColumnNode.is(u.column) && u.column.column.name === 'last_push_at');
  return {
    count: 0,
    transformQuery(args) {
      if (isLedgerLock(args.node)) this.count += 1;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
}

async function disarmTripwire(handle: DatabaseHandle, database: TestDatabase): Promise<void> {
  await sql.raw(database.name === 'sqlite' ? 'drop trigger tripwire' : 'drop trigger tripwire on enrollments').execute(handle.db);
}

describe.each(DATABASES)('a push the database refuses part of, on $name', (database) => {
  const { handle, server, center } = useServerSuite(database, { server: { logger: false } });

  beforeAll(async () => {
    await armTripwire(handle, database);
  });

  const school = () => center.schoolIds[0]!;
  const lastAppliedOf = async (deviceId: string) =>
    Number((await handle.db.selectFrom('devices').select('last_applied_mutation_id').where('device_id', '=', deviceId).executeTakeFirstOrThrow()).last_applied_mutation_id);

  /** Pushes `batch` from a new tablet through a server that counts the push's tries (each locks the ledger once). */
  async function pushCountingTries(batch: Mutation[]) {
    const locks = ledgerLocks();
    const counted = await startServer({ ...handle, db: handle.db.withPlugin(locks) }, { logger: false });
    try {
      const session = await signIn(counted.url, center.advisor.email, center.advisor.password);
      const answer = await call(counted.url, 'POST', '/api/sync/push', { token: session.token, body: { deviceId: session.deviceId, mutations: batch } });
      return { status: answer.status, tries: locks.count, deviceId: session.deviceId };
    } finally {
      await counted.close();
    }
  }

  it('tries a push that keeps losing a race three times, then fails it whole and stores nothing', async () => {
    await armLostRace(handle, database);
    const batch = [mutation(1, school()), mutation(2, school(), { application: application(school(), { lastName: RACER }) })];
    const { status, tries, deviceId } = await pushCountingTries(batch);
    // The database's unique refusal, after the last try, is answered as a conflict.
    expect(status).toBe(409);
    expect(tries).toBe(3);
    for (const m of batch) expect(await findEnrollment(handle.db, m.recordId)).toBeUndefined();
    expect(await lastAppliedOf(deviceId)).toBe(0);
  });

  it('tries a push the database fails for a reason a retry cannot mend once, and stores nothing', async () => {
    const batch = [mutation(1, school()), mutation(2, school(), { application: application(school(), { lastName: MARKER }) })];
    expect(await pushCountingTries(batch)).toMatchObject({ status: 500, tries: 1 });
    for (const m of batch) expect(await findEnrollment(handle.db, m.recordId)).toBeUndefined();
  });

  it('fails a push whole when, run record by record after one the database refused, another fails for a reason a retry cannot mend', async () => {
    // Version 777 is refused by the database as a value (answered per record); the marker name aborts the write.
    if (database.name === 'postgres') {
      await sql`create or replace function refuse_777() returns trigger language plpgsql as $$ begin raise exception 'refused' using errcode = '22023'; end $$`.execute(handle.db);
      await sql`create trigger refuse_777 before insert on enrollments for each row when (new.client_version = 777) execute function refuse_777()`.execute(handle.db);
    } else {
      await sql`create table if not exists refused_777 (value text not null)`.execute(handle.db);
      await sql`create trigger refuse_777 before insert on enrollments when new.client_version = 777 begin insert into refused_777 (value) values (null); end`.execute(handle.db);
    }
    try {
      const batch = [mutation(1, school()), mutation(2, school(), { version: 777 }), mutation(3, school()), mutation(4, school(), { application: application(school(), { lastName: MARKER }) })];
      const session = await signIn(server.url, center.advisor.email, center.advisor.password);

      const answer = await call(server.url, 'POST', '/api/sync/push', { token: session.token, body: { deviceId: session.deviceId, mutations: batch } });

      // Not "rejected" for the marked record and the rest applied: the retry of the whole push may pass.
      expect(answer.status).toBe(500);
      for (const m of batch) expect(await findEnrollment(handle.db, m.recordId)).toBeUndefined();
      expect(await lastAppliedOf(session.deviceId)).toBe(0);
    } finally {
      await sql`drop trigger refuse_777${sql.raw(database.name === 'postgres' ? ' on enrollments' : '')}`.execute(handle.db);
    }
  });

  // The edit of a record the server already holds sits second, so the new record
  // before it is written in a statement of its own, before the refused one.
  it.each([1, 3, 5])('stores nothing of a 5-mutation batch whose mutation %i fails in the database, and applies it all on retry', async (k) => {
    const session = await signIn(server.url, center.advisor.email, center.advisor.password);
    const pushRaw = (mutations: Mutation[]) => call(server.url, 'POST', '/api/sync/push', { token: session.token, body: { deviceId: session.deviceId, mutations } });
    const earlier = mutation(1, school());
    expect((await pushRaw([earlier])).status).toBe(200);
    const edit = { ...earlier, mutationId: 3, version: 2, baseServerVersion: 1, application: { ...earlier.application, grade: '9' as const } };
    const batch = [mutation(2, school()), edit, mutation(4, school()), mutation(5, school()), mutation(6, school())];
    const failing = batch[k - 1]!;
    batch[k - 1] = { ...failing, application: application(school(), { ...failing.application, lastName: MARKER }) };
    const news = batch.filter((m) => m !== edit);

    const refused = await pushRaw(batch);

    expect(refused.status).toBe(500);
    for (const m of news) {
      expect(await findEnrollment(handle.db, m.recordId)).toBeUndefined();
      expect(await findStudent(handle.db, m.studentId)).toBeUndefined();
      expect(await auditOf(handle.db, 'student', m.studentId)).toEqual([]);
    }
    expect(await findEnrollment(handle.db, earlier.recordId)).toMatchObject({ version: 1 });
    expect(await findStudent(handle.db, earlier.studentId)).toMatchObject({ grade: '8', version: 1 });
    expect(await lastAppliedOf(session.deviceId)).toBe(1);

    await disarmTripwire(handle, database);
    try {
      const retried = await pushRaw(batch);
      expect(retried.status).toBe(200);
      expect(pushResponseSchema.parse(retried.body).results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
      for (const m of news) expect(await findEnrollment(handle.db, m.recordId)).toMatchObject({ version: 1 });
      expect(await findStudent(handle.db, earlier.studentId)).toMatchObject({ grade: '9', version: 2 });
      expect(await lastAppliedOf(session.deviceId)).toBe(6);
    } finally {
      await armTripwire(handle, database);
    }
  });
});
