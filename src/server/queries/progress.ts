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
 * school, in one statement. A student counts once (one live enrollment per
 * student and year: `enrollments_one_per_year`); SSIDs by their recorded
 * source; "confirmed by a school return" when the SSID came from one, or a
 * later return agreed with it (the set of such students is read once, as an
 * uncorrelated IN: a hashed subplan on PostgreSQL, an ephemeral index on
 * SQLite; a LEFT JOIN to it made SQLite, without statistics, rescan it per
 * student: 63 s in the bench).
 *
 * Why joins and not a correlated EXISTS per student: PostgreSQL priced the
 * per-student subqueries at about 850,000 for 100,000 students, past its JIT
 * thresholds, and spent seconds compiling the plan; as hash joins the same
 * counts cost about 10,000 and run without JIT. The year's enrollments are
 * found through `enrollments_center_year` and the return confirmations through
 * `audit_log_action` (migration 006).
 */
export async function ssidProgress(db: Executor, centerId: string, programYear: string): Promise<ProgressRow[]> {
  const count = (condition: ReturnType<typeof sql>) => sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`;
  const confirmedByReturn = db.selectFrom('audit_log').select('entity_id')
    .where('action', '=', RETURN_CONFIRMED_ACTION).where('entity', '=', 'student');
  const perSchool = db.selectFrom('enrollments as e')
    .innerJoin('students as s', 's.id', 'e.student_id')
    .select([
      's.school_id',
      (eb) => eb.fn.countAll<number>().as('enrolled'),
      count(sql`s.ssid is not null`).as('with_ssid'),
      count(sql`s.ssid is not null and s.ssid_source = 'school_records'`).as('school_records'),
      count(sql`s.ssid is not null and s.ssid_source = 'student_form'`).as('student_form'),
      count(sql`s.ssid is not null and s.ssid_source = 'student_online'`).as('student_online'),
      count(sql`s.ssid is not null and (s.ssid_source = 'school_records' or s.id in (${confirmedByReturn}))`).as('confirmed_by_return'),
    ])
    .where('e.center_id', '=', centerId)
    .where('e.program_year', '=', programYear)
    .where('e.duplicate_of', 'is', null)
    .where('s.center_id', '=', centerId)
    .where('s.deleted', '=', 0)
    .groupBy('s.school_id');
  const rows = await db.selectFrom(perSchool.as('p'))
    .innerJoin('schools as sc', 'sc.id', 'p.school_id')
    .select(['p.school_id', 'sc.name as school_name', 'sc.cds_code', 'p.enrolled', 'p.with_ssid', 'p.school_records', 'p.student_form', 'p.student_online', 'p.confirmed_by_return'])
    .orderBy('sc.name')
    .orderBy('sc.id')
    .execute();
  // PostgreSQL answers counts as strings (bigint): numbers here, for both databases.
  return rows.map((r) => ({
    ...r,
    enrolled: Number(r.enrolled), with_ssid: Number(r.with_ssid), school_records: Number(r.school_records),
    student_form: Number(r.student_form), student_online: Number(r.student_online), confirmed_by_return: Number(r.confirmed_by_return),
  }));
}

/**
 * The program years the center has enrollments in, newest first. A year's
 * duplicates always sit beside the enrollment they duplicate, so leaving them
 * out loses no year and lets `enrollments_center_year` answer.
 */
export async function centerProgramYears(db: Executor, centerId: string): Promise<string[]> {
  const rows = await db.selectFrom('enrollments').select('program_year').distinct()
    .where('center_id', '=', centerId).where('duplicate_of', 'is', null).orderBy('program_year', 'desc').execute();
  return rows.map((r) => r.program_year);
}
