/**
 * The online student calls the students screens make (issue 4): the record
 * information page, the pending enrollments, and PAF approval. They need a
 * connection and the stored session; a refused token marks the session expired,
 * as sync does, and is thrown as the ApiError it is.
 */
import type { MesaDb } from '../db/schema';
import { PROBLEMS, type ProblemBody } from '../../shared/problems';
import type { ApproveEnrollmentResponse, PendingEnrollment, StudentRecord } from '../../shared/protocol';
import { ApiError, type ApiClient } from './api';
import { withSessionToken } from './withSession';

/** How an approval went: approved (perhaps with a prompt for the SSID), or the server's problem. */
export type ApprovalOutcome =
  | ({ ok: true } & ApproveEnrollmentResponse)
  | {
      ok: false;
      status: number;
      problem: ProblemBody;
      /** The program year needs an SSID and none was given: ask for it and approve again. */
      ssidRequired: boolean;
    };

/** The calls, bound to the app's database (for the session) and API client. */
export interface StudentCalls {
  /** The record information: whole SSID, its source, who confirmed it and when, its history, enrollments. */
  fetchStudentRecord(studentId: string): Promise<StudentRecord>;
  /** The center's enrollments waiting for approval, online re-enrollments included. */
  fetchPendingEnrollments(): Promise<PendingEnrollment[]>;
  /**
   * Approves an enrollment (the PAF was received). `ssid` is set on a student who
   * has none (source `student_form`). Network failures throw NetworkError.
   */
  approveEnrollment(enrollmentId: string, body?: { ssid?: string }): Promise<ApprovalOutcome>;
}

/** The student calls over `api`, with the session stored in `db`. */
export function createStudentCalls(db: MesaDb, api: ApiClient): StudentCalls {
  const withToken = <T>(run: (token: string) => Promise<T>): Promise<T> => withSessionToken(db, run);

  return {
    fetchStudentRecord: (studentId) => withToken((token) => api.studentRecord(token, studentId)),
    fetchPendingEnrollments: async () => (await withToken((token) => api.pendingEnrollments(token))).enrollments,
    approveEnrollment: async (enrollmentId, body = {}) => {
      try {
        const answer = await withToken((token) => api.approveEnrollment(token, enrollmentId, body));
        return { ok: true, ...answer };
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        return { ok: false, status: error.status, problem: error.problem, ssidRequired: error.problem.code === PROBLEMS.ssidRequired.code };
      }
    },
  };
}
