/**
 * What the server holds for a run of application mutations, read in a few
 * queries instead of four per mutation. The push applies mutations in order, so
 * each write is recorded here too and the next mutation sees it exactly as it
 * would have seen it in the database. Anything not read up front (a row a
 * mutation did not name) is looked up on demand, so the cache is an optimisation,
 * never a second source of truth.
 */
import type { Mutation } from '../../shared/protocol';
import type { CenterVerification } from '../../shared/verification-policy';
import { verifiedValuesSchema, type VerifiedValues } from '../../shared/verify-sheet';
import { centerVerification } from '../queries/centers';
import { countedEnrollmentsOf, findEnrollment, findEnrollmentApplication, findEnrollmentStates, type EnrollmentState } from '../queries/enrollments';
import type { Executor } from '../queries/executor';
import { findCenterSchool, liveCenterSchoolIds } from '../queries/schools';
import { findStudent, findStudentBySsid, findStudents, studentsHoldingSsids, type StudentRow } from '../queries/students';
import { centerUserIds } from '../queries/users';
import { parseJson } from '../db/stored-json';

/** The students, enrollments, SSID holders and schools a run of mutations names; `null` is "none". */
export class BatchState {
  private constructor(
    private readonly trx: Executor,
    private readonly centerId: string,
    private readonly students: Map<string, StudentRow | null>,
    private readonly enrollments: Map<string, EnrollmentState | null>,
    private readonly ssidHolders: Map<string, string | null>,
    private readonly schools: Map<string, boolean>,
    /** By student id: their enrollments that count for one-per-year, every year. */
    private readonly counted: Map<string, EnrollmentState[]>,
    /** By user id: a user of the caller's center (the people a verification names). */
    private readonly centerUsers = new Map<string, boolean>(),
    /** By record id: the verified fields of the paper the server holds (decide.ts rule 2b). */
    private readonly keyed = new Map<string, VerifiedValues | null>(),
  ) {}

  private verificationSetting: CenterVerification | undefined;

  /** The caller's center's verification setting, read once per push. */
  async centerVerification(): Promise<CenterVerification> {
    this.verificationSetting ??= await centerVerification(this.trx, this.centerId);
    return this.verificationSetting;
  }

  /** The verified fields of the application the server holds for this record, if it holds one that reads. */
  async keyedValues(recordId: string): Promise<VerifiedValues | undefined> {
    if (!this.keyed.has(recordId)) {
      const text = await findEnrollmentApplication(this.trx, recordId);
      this.keyed.set(recordId, text === undefined ? null : readKeyed(text));
    }
    return this.keyed.get(recordId) ?? undefined;
  }

  /** Records the verified fields of an application as written for this record. */
  keyedWritten(recordId: string, values: VerifiedValues): void {
    this.keyed.set(recordId, values);
  }

  /** Reads everything `mutations` name in four queries. */
  static async load(trx: Executor, centerId: string, mutations: readonly Mutation[]): Promise<BatchState> {
    const studentIds = unique(mutations.map((m) => m.studentId));
    const recordIds = unique(mutations.map((m) => m.recordId));
    const ssids = unique(mutations.map((m) => m.application.ssid).filter((s) => s !== ''));
    const schoolIds = unique(mutations.map((m) => m.application.schoolId));
    // One after another: a transaction is one connection.
    const students = await findStudents(trx, studentIds);
    const enrollments = await findEnrollmentStates(trx, recordIds);
    const holders = await studentsHoldingSsids(trx, ssids);
    const schools = await liveCenterSchoolIds(trx, centerId, schoolIds);
    // The students a paper may be for: its own, its enrollment's, or the one holding its SSID (decide.ts rule 3).
    const forStudents = unique([...studentIds, ...enrollments.map((e) => e.student_id), ...holders.map((h) => h.id)]);
    const counted = await countedEnrollmentsOf(trx, forStudents);
    return new BatchState(
      trx,
      centerId,
      known(studentIds, new Map(students.map((s) => [s.id, s]))),
      known(recordIds, new Map(enrollments.map((e) => [e.id, e]))),
      known(ssids, new Map(holders.map((h) => [h.ssid, h.id]))),
      new Map(schoolIds.map((id) => [id, schools.has(id)])),
      new Map(forStudents.map((id) => [id, counted.filter((e) => e.student_id === id)])),
    );
  }

  /** The student with this id, in any center. */
  async student(id: string): Promise<StudentRow | undefined> {
    if (!this.students.has(id)) this.students.set(id, (await findStudent(this.trx, id)) ?? null);
    return this.students.get(id) ?? undefined;
  }

  /** The enrollment with this record id, in any center. */
  async enrollment(id: string): Promise<EnrollmentState | undefined> {
    if (!this.enrollments.has(id)) this.enrollments.set(id, (await findEnrollment(this.trx, id)) ?? null);
    return this.enrollments.get(id) ?? undefined;
  }

  /** The id of the student holding this SSID, if any. */
  async ssidHolder(ssid: string): Promise<string | undefined> {
    if (!this.ssidHolders.has(ssid)) this.ssidHolders.set(ssid, (await findStudentBySsid(this.trx, ssid))?.id ?? null);
    return this.ssidHolders.get(ssid) ?? undefined;
  }

  /** Whether this is a live school of the caller's center. */
  async schoolInCenter(id: string): Promise<boolean> {
    if (!this.schools.has(id)) this.schools.set(id, (await findCenterSchool(this.trx, this.centerId, id)) !== undefined);
    return this.schools.get(id) ?? false;
  }

  /** Whether every one of these users is a user of the caller's center. */
  async usersInCenter(ids: readonly string[]): Promise<boolean> {
    const unread = unique(ids.filter((id) => !this.centerUsers.has(id)));
    const found = await centerUserIds(this.trx, this.centerId, unread);
    for (const id of unread) this.centerUsers.set(id, found.has(id));
    return ids.every((id) => this.centerUsers.get(id) === true);
  }

  /** These students' enrollments for one program year that count for one-per-year. */
  async yearEnrollments(studentIds: readonly string[], programYear: string): Promise<EnrollmentState[]> {
    const unread = studentIds.filter((id) => !this.counted.has(id));
    const read = await countedEnrollmentsOf(this.trx, unread);
    for (const id of unread) this.counted.set(id, read.filter((e) => e.student_id === id));
    return studentIds.flatMap((id) => this.counted.get(id) ?? []).filter((e) => e.program_year === programYear);
  }

  /** Records a student as written, with the SSID it now holds (and so releases its old one). */
  studentWritten(student: StudentRow): void {
    const old = this.students.get(student.id)?.ssid ?? null;
    if (old !== null && old !== student.ssid) this.ssidHolders.set(old, null);
    if (student.ssid !== null) this.ssidHolders.set(student.ssid, student.id);
    this.students.set(student.id, student);
  }

  /**
   * Records an enrollment as written (under its student, whose enrollments were
   * read before). Its row was read first (`enrollment()`), so its old student is known.
   */
  enrollmentWritten(enrollment: EnrollmentState): void {
    const before = this.enrollments.get(enrollment.id);
    if (before) this.uncount(before);
    this.enrollments.set(enrollment.id, enrollment);
    this.counted.get(enrollment.student_id)?.push(enrollment);
  }

  /** Records an enrollment as removed. */
  enrollmentRemoved(enrollment: EnrollmentState): void {
    this.enrollments.set(enrollment.id, null);
    this.uncount(enrollment);
  }

  /** Takes the enrollment out of its student's counted list (the only list it can be in). */
  private uncount({ id, student_id }: EnrollmentState): void {
    const list = this.counted.get(student_id);
    if (list) this.counted.set(student_id, list.filter((e) => e.id !== id));
  }
}

/** A stored application's verified fields; null when it does not read (then the record counts as keyed anew). */
function readKeyed(text: string): VerifiedValues | null {
  // Unreadable JSON is as good as no stored paper: the rule then asks for a second keying.
  // The rest of the stored application is not this rule's business; a field a center may add, missing from it, compares as blank.
  const parsed = verifiedValuesSchema.safeParse(parseJson(text));
  return parsed.success ? parsed.data : null;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Every asked key, with its row or `null` for "read, and there is none". */
function known<T>(keys: readonly string[], found: Map<string, T>): Map<string, T | null> {
  return new Map(keys.map((k) => [k, found.get(k) ?? null]));
}
