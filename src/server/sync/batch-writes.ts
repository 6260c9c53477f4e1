/**
 * The writes of a push, gathered so that new rows go in as multi-row inserts and
 * the change counter is written once. The push holds its center's change lock for the
 * whole transaction (see change-seq.ts), so it numbers its own changes from the
 * counter's value and moves the counter once at the end.
 *
 * Order is kept where it matters: a change to a row that existed before the push
 * first writes everything gathered so far, then runs at once, so the database
 * sees the rows' constraints (one SSID per student, enrollments after their
 * student) in the same order as one-by-one writes would. Gathered rows are all
 * new, so writing them students first, then enrollments, then audit entries
 * (whose uuidv7 ids were taken in order) cannot break a constraint.
 */
import type { Insertable, Updateable } from 'kysely';
import { uuidv7 } from '../../shared/ids';
import type { EnrollmentsTable, StudentsTable } from '../db/schema';
import { appendAudits, type AuditEntry } from '../queries/audit-log';
import { currentChangeSeq, lockChangeSeq, setChangeSeq } from '../queries/change-seq';
import { deleteEnrollment, insertEnrollments, updateEnrollment } from '../queries/enrollments';
import type { Executor } from '../queries/executor';
import { insertStudents, updateStudent, type StudentRow } from '../queries/students';

/** Gathered writes and the change numbers taken, for one push transaction. */
export class BatchWrites {
  private taken = 0;
  private readonly students = new Map<string, StudentRow>();
  private readonly enrollments = new Map<string, Insertable<EnrollmentsTable>>();
  private audits: AuditEntry[] = [];
  private auditPrefix: string | null = null;
  private auditCount = 0;

  private constructor(private readonly trx: Executor, private readonly centerId: string, private base: number) {}

  /** Takes the center's change lock: call before reading any row the push may change. */
  static async start(trx: Executor, centerId: string): Promise<BatchWrites> {
    return new BatchWrites(trx, centerId, await lockChangeSeq(trx, centerId));
  }

  /** The next change number. */
  nextSeq(): number {
    this.taken += 1;
    return this.base + this.taken;
  }

  /** Adds the `created` student, or applies `changes` to one (added earlier in this push or not). */
  async writeStudent(id: string, changes: Updateable<StudentsTable>, created: StudentRow | null): Promise<void> {
    const pending = created ?? this.students.get(id);
    if (pending) {
      this.students.set(id, { ...pending, ...(created ? {} : changes) });
      return;
    }
    await this.flush();
    await updateStudent(this.trx, id, changes);
  }

  /** Adds the `created` enrollment, or applies `changes` to one (added earlier in this push or not). */
  async writeEnrollment(id: string, changes: Updateable<EnrollmentsTable>, created: Insertable<EnrollmentsTable> | null): Promise<void> {
    const pending = created ?? this.enrollments.get(id);
    if (pending) {
      this.enrollments.set(id, { ...pending, ...(created ? {} : changes) });
      return;
    }
    await this.flush();
    await updateEnrollment(this.trx, id, changes);
  }

  /** Removes an enrollment that existed before the push, after writing what was gathered. */
  async removeEnrollment(id: string): Promise<void> {
    await this.flush();
    await deleteEnrollment(this.trx, id);
  }

  /** Adds an audit entry; its id sorts after the ones added before it, so history keeps this order. */
  audit(entry: Omit<AuditEntry, 'id'>): void {
    // A push writes many entries within one millisecond, where uuidv7's random bits
    // would order them by chance: one uuidv7 per run, its last 8 hex digits a counter.
    this.auditPrefix ??= uuidv7().slice(0, -8);
    this.audits.push({ id: `${this.auditPrefix}${(this.auditCount++).toString(16).padStart(8, '0')}`, ...entry });
  }

  /** Writes everything gathered and moves the counter past the numbers taken. */
  async flush(): Promise<void> {
    await insertStudents(this.trx, [...this.students.values()]);
    await insertEnrollments(this.trx, [...this.enrollments.values()]);
    await appendAudits(this.trx, this.audits);
    this.students.clear();
    this.enrollments.clear();
    this.audits = [];
    if (this.taken > 0) {
      this.base += this.taken;
      this.taken = 0;
      await setChangeSeq(this.trx, this.centerId, this.base);
    }
  }

  /** After a writer that numbered its change through the counter itself (an SSID update): continue from there. */
  async resync(): Promise<void> {
    await this.flush();
    // Entries after the update's own audit entry take a fresh (later) uuidv7.
    this.auditPrefix = null;
    this.auditCount = 0;
    this.base = await currentChangeSeq(this.trx, this.centerId);
  }
}
