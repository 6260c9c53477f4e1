/**
 * SSID collection progress, per school, for one program year: the one query
 * behind the administrator's progress view and its CSV (issue 13, item 2).
 */
import { sql } from 'kysely';
import type { Executor } from './executor';

/** One school's counts; `missing` is enrolled minus with an SSID. */
export interface ProgressRow {
  school_id: string;
  school_name: string;
  cds_code: string;
  enrolled: number;
  with_ssid: number;
  school_records: number;
  student_form: number;
  student_online: number;
  confirmed_by_return: number;
}

/** The audit action written when a school's return agrees with the SSID the student already had. */
export const RETURN_CONFIRMED_ACTION = 'return_confirmed_ssid';

/**
 * Counts the center's students with an enrollment in `programYear`, by their
 * school, in one statement. A student counts once however many enrollments they
 * have; SSIDs by their recorded source; "confirmed by a school return" when the
 * SSID came from one, or a later return agreed with it.
 */
export async function ssidProgress(db: Executor, centerId: string, programYear: string): Promise<ProgressRow[]> {
  const count = (condition: ReturnType<typeof sql>) => sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`;
  const rows = await db.selectFrom('students as s')
    .innerJoin('schools as sc', 'sc.id', 's.school_id')
    .select([
      's.school_id', 'sc.name as school_name', 'sc.cds_code',
      (eb) => eb.fn.countAll<number>().as('enrolled'),
      count(sql`s.ssid is not null`).as('with_ssid'),
      count(sql`s.ssid is not null and s.ssid_source = 'school_records'`).as('school_records'),
      count(sql`s.ssid is not null and s.ssid_source = 'student_form'`).as('student_form'),
      count(sql`s.ssid is not null and s.ssid_source = 'student_online'`).as('student_online'),
      count(sql`s.ssid is not null and (s.ssid_source = 'school_records' or exists (
        select 1 from audit_log a where a.entity = 'student' and a.entity_id = s.id and a.action = ${RETURN_CONFIRMED_ACTION}))`).as('confirmed_by_return'),
    ])
    .where('s.center_id', '=', centerId)
    .where('s.deleted', '=', 0)
    .where((eb) => eb.exists(eb.selectFrom('enrollments as e').select('e.id')
      .whereRef('e.student_id', '=', 's.id').where('e.program_year', '=', programYear).where('e.duplicate_of', 'is', null)))
    .groupBy(['s.school_id', 'sc.name', 'sc.cds_code'])
    .orderBy('sc.name')
    .execute();
  // PostgreSQL answers counts as strings (bigint): numbers here, for both databases.
  return rows.map((r) => ({
    ...r,
    enrolled: Number(r.enrolled), with_ssid: Number(r.with_ssid), school_records: Number(r.school_records),
    student_form: Number(r.student_form), student_online: Number(r.student_online), confirmed_by_return: Number(r.confirmed_by_return),
  }));
}

/** The program years the center has enrollments in, newest first. */
export async function centerProgramYears(db: Executor, centerId: string): Promise<string[]> {
  const rows = await db.selectFrom('enrollments').select('program_year').distinct()
    .where('center_id', '=', centerId).orderBy('program_year', 'desc').execute();
  return rows.map((r) => r.program_year);
}
