/**
 * The SSID collection progress query (issue 13, item 2) on 100,000 students of
 * one center at 40 schools, on SQLite and (when DATABASE_URL is set) PostgreSQL:
 * the time of the one query behind the progress view and its CSV, median of 7
 * runs after one warm-up. The data goes straight into a fresh database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openSqlite, type DatabaseHandle } from '../../src/server/db/connect';
import { migrate } from '../../src/server/db/migrations';
import { chunkedForInsert } from '../../src/server/queries/chunked';
import { RETURN_CONFIRMED_ACTION, ssidProgress } from '../../src/server/queries/progress';
import { describeError } from '../lib/errors';
import { withFreshSchema } from '../lib/fresh-schema';
import { figure, type Figure } from '../lib/report';
import type { Section } from '../lib/section';

const STUDENTS = 100_000;
const SCHOOLS = 40;
const YEAR = '2025-26';
const SOURCES = ['student_form', 'school_records', 'student_online'] as const;
/** A view the administrator opens: it should answer well within a second. */
const TARGET_MS = 500;

/** One center, its schools, students (about 70% with an SSID) each enrolled this year, and some return confirmations. */
async function seed(handle: DatabaseHandle): Promise<string> {
  const { db } = handle;
  const now = new Date().toISOString();
  const centerId = 'bench-center';
  await db.insertInto('centers').values({ id: centerId, name: 'Bench center', created_at: now }).execute();
  const schools = Array.from({ length: SCHOOLS }, (_, i) => ({
    id: `school-${i}`, center_id: centerId, name: `School ${String(i).padStart(2, '0')}`, cds_code: String(10_000_000_000_000 + i), city: 'Fresno',
    deleted: 0, updated_seq: 0, created_at: now, updated_at: now,
  }));
  await db.insertInto('schools').values(schools).execute();
  const students = Array.from({ length: STUDENTS }, (_, i) => {
    const hasSsid = i % 10 < 7;
    return {
      id: `student-${i}`, center_id: centerId, first_name: 'Ana', middle_name: '', last_name: `Lopez${i}`, date_of_birth: '2011-04-02', grade: '8',
      school_id: `school-${i % SCHOOLS}`, school_student_id: '', ssid: hasSsid ? String(1_000_000_000 + i) : null, ssid_source: hasSsid ? SOURCES[i % 3]! : null,
      ssid_confirmed_at: null, ssid_confirmed_by: null, version: 1, updated_seq: 0, deleted: 0, created_at: now, updated_at: now,
    };
  });
  for (const chunk of chunkedForInsert(students, 19)) await db.insertInto('students').values(chunk).execute();
  const enrollments = students.map((s) => ({
    id: `enrollment-${s.id}`, student_id: s.id, center_id: centerId, program_year: YEAR, application: '{}', paf_status: 'signed' as const, status: 'submitted' as const,
    version: 1, client_version: 1, updated_by: '', updated_by_device: '', confirmed_at: now, updated_seq: 0, created_at: now, updated_at: now,
  }));
  for (const chunk of chunkedForInsert(enrollments, 18)) await db.insertInto('enrollments').values(chunk).execute();
  const confirmations = students.filter((_, i) => i % 20 === 0).map((s) => ({
    id: `audit-${s.id}`, at: now, user_id: null, action: RETURN_CONFIRMED_ACTION, entity: 'student', entity_id: s.id, old_value: null, new_value: null,
  }));
  for (const chunk of chunkedForInsert(confirmations, 8)) await db.insertInto('audit_log').values(chunk).execute();
  return centerId;
}

/** Median milliseconds of the progress query over 7 runs, after a warm-up; `seeded` runs once the data is in. */
async function timeQuery(handle: DatabaseHandle, seeded: () => Promise<void> = async () => undefined): Promise<number> {
  const centerId = await seed(handle);
  await seeded();
  const rows = await ssidProgress(handle.db, centerId, YEAR);
  const enrolled = rows.reduce((n, r) => n + r.enrolled, 0);
  if (enrolled !== STUDENTS) throw new Error(`the query counted ${enrolled} students, not ${STUDENTS}`);
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    await ssidProgress(handle.db, centerId, YEAR);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[3]!;
}

async function onSqlite(): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), 'mesa-bench-progress-'));
  const handle = openSqlite(path.join(dir, 'bench.sqlite'));
  try {
    await migrate(handle);
    return await timeQuery(handle);
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(url: string): Promise<number> {
  return withFreshSchema(url, async (schema) => {
    // Freshly filled tables: give the planner the statistics a live database's autovacuum would have
    // (analyzed before the data went in, it planned for empty tables: nested loops, 19 s a query).
    return timeQuery(schema.handle, () => schema.query(`analyze ${schema.name}.students; analyze ${schema.name}.enrollments; analyze ${schema.name}.audit_log`));
  });
}

function rows(sqlite: number | null, postgres: number | null, reason: string | null, pgNote: string | null): Figure[] {
  return [
    figure({ label: 'SSID progress query, 100,000 students, SQLite (median)', unit: 'ms', better: 'lower', ours: sqlite, goal: { on: 'ours', atMost: TARGET_MS }, note: reason }),
    figure({ label: 'SSID progress query, 100,000 students, PostgreSQL (median)', unit: 'ms', better: 'lower', ours: postgres, goal: { on: 'ours', atMost: TARGET_MS }, note: pgNote }),
  ];
}

/** Progress query figures for both databases. */
export const progressSection: Section = {
  id: 'progress',
  name: 'SSID progress query',
  async run() {
    const sqlite = await onSqlite();
    const databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) return rows(sqlite, null, null, 'Not measured: DATABASE_URL is not set.');
    try {
      return rows(sqlite, await onPostgres(databaseUrl), null, null);
    } catch (error) {
      return rows(sqlite, null, null, `Not measured on PostgreSQL: ${describeError(error)}`);
    }
  },
  notMeasured: (reason) => rows(null, null, reason, null),
};
