/** PAF approval: GET /api/enrollments?status=pending and POST /api/enrollments/:id/approve. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ssidRequiredFor } from '../../shared/policy';
import { approveEnrollmentRequestSchema, type ApproveEnrollmentResponse, type PendingEnrollmentsResponse } from '../../shared/protocol';
import { approveEnrollment } from '../enrollments/approve';
import { callerOf } from '../http/authenticate';
import { pageLimit, parseOrThrow, storable } from '../http/validation';
import { pendingEnrollments } from '../queries/enrollments';
import { ssidPolicyFor } from '../queries/ssid-policy';
import type { ServerDeps } from '../deps';

const listQuerySchema = z.object({
  status: z.literal('pending'),
  limit: pageLimit(200),
});
const idParamsSchema = storable(z.object({ id: z.string() }));
const approveBodySchema = storable(approveEnrollmentRequestSchema);

/** Registers the enrollment routes. */
export async function enrollmentRoutes(app: FastifyInstance, { handle }: ServerDeps): Promise<void> {
  const { db } = handle;

  app.get('/api/enrollments', async (request): Promise<PendingEnrollmentsResponse> => {
    const { user } = callerOf(request);
    const query = parseOrThrow(listQuerySchema, request.query);
    const rows = await pendingEnrollments(db, user.centerId, query.limit);
    const policy = await ssidPolicyFor(db, user.centerId);
    return {
      enrollments: rows.map((r) => ({
        id: r.id,
        studentId: r.student_id,
        firstName: r.first_name,
        lastName: r.last_name,
        dateOfBirth: r.date_of_birth,
        grade: r.grade,
        schoolId: r.school_id,
        programYear: r.program_year,
        status: r.status === 'pending_approval' ? 'pending_approval' : 'submitted',
        pafStatus: r.paf_status,
        origin: r.origin,
        ssidLast4: r.ssid === null ? null : r.ssid.slice(-4),
        ssidRequired: r.ssid === null && ssidRequiredFor(r.program_year, policy),
        createdAt: r.created_at,
      })),
    };
  });

  app.post<{ Params: { id: string } }>('/api/enrollments/:id/approve', { bodyLimit: 4 * 1024 }, async (request): Promise<ApproveEnrollmentResponse> => {
    const { user, deviceId } = callerOf(request);
    const { id } = parseOrThrow(idParamsSchema, request.params);
    const body = parseOrThrow(approveBodySchema, request.body ?? {});
    const answer = await approveEnrollment(handle, { userId: user.id, centerId: user.centerId, deviceId }, id, body.ssid);
    request.log.info({ userId: user.id, enrollmentId: id, prompt: answer.prompt ?? null }, 'enrollment approved');
    return answer;
  });
}
