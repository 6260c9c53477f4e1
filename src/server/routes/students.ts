/** The caller's center's students: GET /api/students and GET /api/students/:id. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ssidSourceSchema } from '../../shared/application';
import type { StudentListResponse, StudentSummary } from '../../shared/protocol';
import { callerOf } from '../http/authenticate';
import { Problem } from '../http/problem';
import { parseOrThrow } from '../http/validation';
import { enrollmentsOfStudents } from '../queries/enrollments';
import type { Executor } from '../queries/executor';
import { findStudent, searchStudents, type StudentRow } from '../queries/students';
import type { ServerDeps } from '../deps';

const listQuerySchema = z.object({
  q: z.string().max(100).default(''),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Registers the students routes. */
export async function studentRoutes(app: FastifyInstance, { handle }: ServerDeps): Promise<void> {
  const { db } = handle;

  app.get('/api/students', async (request): Promise<StudentListResponse> => {
    const { user } = callerOf(request);
    const query = parseOrThrow(listQuerySchema, request.query);
    const rows = await searchStudents(db, user.centerId, query.q, query.limit);
    return { students: await summarize(db, rows) };
  });

  app.get<{ Params: { id: string } }>('/api/students/:id', async (request): Promise<StudentSummary> => {
    const { user } = callerOf(request);
    const student = await findStudent(db, request.params.id);
    // Another center's student is answered exactly like a missing one.
    if (!student || student.center_id !== user.centerId || student.deleted === 1) throw new Problem('notFound');
    const [summary] = await summarize(db, [student]);
    return summary!;
  });
}

async function summarize(db: Executor, rows: StudentRow[]): Promise<StudentSummary[]> {
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
