/** The SSID collection progress view's answer, from the one progress query. */
import type { ProgressResponse } from '../../shared/admin-protocol';
import { programYearOf } from '../../shared/policy';
import type { Executor } from '../queries/executor';
import { findCenter } from '../queries/centers';
import { centerProgramYears, ssidProgress } from '../queries/progress';

/** The center's progress for `programYear`, or for the current program year when none is asked for. */
export async function progressReport(db: Executor, centerId: string, programYear: string | undefined): Promise<ProgressResponse> {
  const year = programYear ?? programYearOf(new Date().toISOString().slice(0, 10));
  const [center, programYears, rows] = await Promise.all([findCenter(db, centerId), centerProgramYears(db, centerId), ssidProgress(db, centerId, year)]);
  return {
    centerName: center?.name ?? '',
    programYear: year,
    programYears: programYears.includes(year) ? programYears : [year, ...programYears],
    schools: rows.map((r) => ({
      schoolId: r.school_id, schoolName: r.school_name, cdsCode: r.cds_code, enrolled: r.enrolled, withSsid: r.with_ssid,
      bySource: { school_records: r.school_records, student_form: r.student_form, student_online: r.student_online },
      confirmedByReturn: r.confirmed_by_return, missing: r.enrolled - r.with_ssid,
    })),
  };
}
