/**
 * The student record information page (GET /api/students/:id): the summary the
 * list shows, plus the whole SSID, who confirmed it, and its history from the
 * audit log, where SSIDs appear only as their last four digits, and whether a
 * second keyer verified the SSID.
 */
import { ssidSourceSchema } from '../../shared/application';
import type { SsidHistoryEntry, StudentRecord, StudentSummary } from '../../shared/protocol';
import { ssidHistoryOf, type NamedAuditEntry } from '../queries/audit-log';
import { enrollmentsOfStudents, latestPaperVerificationOf } from '../queries/enrollments';
import { verificationSchema } from '../../shared/verification-record';
import { parseJson } from '../db/stored-json';
import type { Executor } from '../queries/executor';
import type { StudentRow } from '../queries/students';
import { userName } from '../queries/users';

/** The list's view of students, their enrollments included; the SSID only as its last four digits. */
export async function summarizeStudents(db: Executor, rows: StudentRow[]): Promise<StudentSummary[]> {
  const enrollments = await enrollmentsOfStudents(db, rows.map((r) => r.id));
  return rows.map((s) => {
    const source = ssidSourceSchema.safeParse(s.ssid_source);
    return {
      id: s.id,
      firstName: s.first_name,
      middleName: s.middle_name,
      lastName: s.last_name,
      dateOfBirth: s.date_of_birth,
      grade: s.grade,
      schoolId: s.school_id,
      schoolStudentId: s.school_student_id,
      ssidLast4: s.ssid === null ? null : s.ssid.slice(-4),
      ssidSource: source.success ? source.data : null,
      ssidConfirmedAt: s.ssid_confirmed_at,
      version: s.version,
      updatedAt: s.updated_at,
      enrollments: enrollments
        .filter((e) => e.student_id === s.id)
        .map((e) => ({ id: e.id, programYear: e.program_year, status: e.status, pafStatus: e.paf_status, version: e.version })),
    };
  });
}

/** The whole record of one student (the caller has checked the center). */
export async function studentRecord(db: Executor, student: StudentRow): Promise<StudentRecord> {
  const [summary] = await summarizeStudents(db, [student]);
  const confirmedBy = student.ssid_confirmed_by === null ? undefined : await userName(db, student.ssid_confirmed_by);
  const history = await ssidHistoryOf(db, student.id);
  return { ...summary!, ssid: student.ssid, ssidConfirmedBy: confirmedBy ?? null, ssidVerification: await ssidKeyerNames(db, student),
    verifiedFields: await verifiedFieldNames(db, student.id), history: history.map(toHistoryEntry) };
}

/** The names of the two people who keyed the SSID (and of who read it at a second look), when a second keyer verified it; null when it was typed once. */
async function ssidKeyerNames(db: Executor, student: StudentRow): Promise<StudentRecord['ssidVerification']> {
  if (student.ssid === null || student.ssid_entered_by === null || student.ssid_verified_by === null) return null;
  const enteredBy = await userName(db, student.ssid_entered_by);
  const verifiedBy = await userName(db, student.ssid_verified_by);
  const secondLookBy = student.ssid_second_look_by === null ? null : await userName(db, student.ssid_second_look_by) ?? null;
  return enteredBy === undefined || verifiedBy === undefined ? null : { enteredBy, verifiedBy, secondLookBy };
}

/** Each field the verification of the student's latest paper vouches for, with the names of who verified it and who read it at a second look; none where it does not read. */
async function verifiedFieldNames(db: Executor, studentId: string): Promise<StudentRecord['verifiedFields']> {
  const text = await latestPaperVerificationOf(db, studentId);
  const parsed = text === undefined ? undefined : verificationSchema.safeParse(parseJson(text));
  if (!parsed?.success) return [];
  const names = new Map<string, string>();
  const nameOf = async (id: string) => {
    if (!names.has(id)) names.set(id, (await userName(db, id)) ?? 'a former user');
    return names.get(id)!;
  };
  const fields: StudentRecord['verifiedFields'] = [];
  for (const f of parsed.data.fields) fields.push({ field: f.field, verifiedBy: await nameOf(f.by), secondLookBy: f.secondLook ? await nameOf(f.secondLook.by) : null });
  return fields;
}

function toHistoryEntry(entry: NamedAuditEntry): SsidHistoryEntry {
  return {
    at: entry.at,
    by: entry.user_name,
    action: entry.action,
    from: lastFour(entry.old_value),
    to: lastFour(entry.new_value),
  };
}

function lastFour(ssid: string | null): string | null {
  return ssid === null || !/^\d{10}$/.test(ssid) ? null : ssid.slice(-4);
}
