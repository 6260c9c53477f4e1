/** SSID collection progress per school: GET /api/admin/progress?programYear=2025-26. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ProgressResponse } from '../../shared/admin-protocol';
import { programYearSchema } from '../../shared/application';
import { adminOf } from '../admin/caller';
import { progressReport } from '../admin/progress';
import { parseOrThrow } from '../http/validation';
import type { ServerDeps } from '../deps';

const querySchema = z.object({ programYear: z.optional(programYearSchema) });

/** Registers the progress route. */
export async function adminProgressRoutes(app: FastifyInstance, { handle }: ServerDeps): Promise<void> {
  app.get('/api/admin/progress', async (request): Promise<ProgressResponse> => {
    const { centerId } = adminOf(request);
    const { programYear } = parseOrThrow(querySchema, request.query);
    return progressReport(handle.db, centerId, programYear);
  });
}
