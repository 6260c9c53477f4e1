/** The caller's center's students: GET /api/students and GET /api/students/:id. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { StudentListResponse, StudentRecord } from '../../shared/protocol';
import { callerOf } from '../http/authenticate';
import { Problem } from '../http/problem';
import { pageLimit, parseOrThrow, storable } from '../http/validation';
import { findStudent, searchStudents } from '../queries/students';
import { studentRecord, summarizeStudents } from '../students/record';
import type { ServerDeps } from '../deps';

const listQuerySchema = storable(z.object({
  q: z.string().max(100).default(''),
  limit: pageLimit(100),
}));
const idParamsSchema = storable(z.object({ id: z.string() }));

/** Registers the students routes. */
export async function studentRoutes(app: FastifyInstance, { handle }: ServerDeps): Promise<void> {
  const { db } = handle;

  app.get('/api/students', async (request): Promise<StudentListResponse> => {
    const { user } = callerOf(request);
    const query = parseOrThrow(listQuerySchema, request.query);
    const rows = await searchStudents(db, user.centerId, query.q, query.limit);
    return { students: await summarizeStudents(db, rows) };
  });

  // The record information page: the only answer with a whole SSID.
  app.get<{ Params: { id: string } }>('/api/students/:id', async (request): Promise<StudentRecord> => {
    const { user } = callerOf(request);
    const { id } = parseOrThrow(idParamsSchema, request.params);
    const student = await findStudent(db, id);
    // Another center's student is answered exactly like a missing one.
    if (!student || student.center_id !== user.centerId || student.deleted === 1) throw new Problem('notFound');
    return studentRecord(db, student);
  });
}
