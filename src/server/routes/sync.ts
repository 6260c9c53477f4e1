/** The sync API: POST /api/sync/push, POST /api/sync/report and GET /api/sync/pull. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { callerOf } from '../http/authenticate';
import { parseOrThrow } from '../http/validation';
import { pull } from '../sync/pull';
import { push } from '../sync/push';
import { reportUnsent } from '../sync/unsent';
import type { ServerDeps } from '../deps';

/**
 * 500 mutations of about 2 KB of JSON each, with room to spare. The limit
 * applies to the decompressed body as well (see gzip-body.ts).
 */
export const PUSH_BODY_LIMIT = 5 * 1024 * 1024;

const pullQuerySchema = z.object({ checkpoint: z.string().max(200).optional() });

/** Registers the sync routes. */
export async function syncRoutes(app: FastifyInstance, { handle, serverSecret }: ServerDeps): Promise<void> {
  app.post('/api/sync/push', { bodyLimit: PUSH_BODY_LIMIT }, async (request) => {
    const { user, deviceId } = callerOf(request);
    const response = await push(handle, { userId: user.id, centerId: user.centerId, sessionDeviceId: deviceId }, request.body);
    // Counts only: never record ids with contents, never field values.
    const counts: Record<string, number> = {};
    for (const r of response.results) counts[r.status] = (counts[r.status] ?? 0) + 1;
    request.log.info({ userId: user.id, counts, lastAppliedMutationId: response.lastAppliedMutationId }, 'push');
    return response;
  });

  // Counts only, like push: the report names no record.
  app.post('/api/sync/report', { bodyLimit: 16 * 1024 }, async (request) => {
    const { user, deviceId } = callerOf(request);
    return reportUnsent(handle, { userId: user.id, centerId: user.centerId, sessionDeviceId: deviceId }, request.body);
  });

  app.get('/api/sync/pull', async (request) => {
    const { user } = callerOf(request);
    const query = parseOrThrow(pullQuerySchema, request.query);
    return pull(handle.db, serverSecret, user.centerId, query.checkpoint);
  });
}
