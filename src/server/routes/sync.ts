/** The sync API: POST /api/sync/push, POST /api/sync/report, GET /api/sync/pull and GET /api/sync/verify-queue. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { callerOf } from '../http/authenticate';
import { parseOrThrow } from '../http/validation';
import { pull } from '../sync/pull';
import { push } from '../sync/push';
import { reportUnsent } from '../sync/unsent';
import { verifyQueue } from '../sync/verify-queue';
import type { VerifyQueueResponse } from '../../shared/protocol';
import type { ServerDeps } from '../deps';

/**
 * 500 mutations of about 2 KB of JSON each, with room to spare. The limit
 * applies to the decompressed body as well (see gzip-body.ts).
 */
export const PUSH_BODY_LIMIT = 5 * 1024 * 1024;

const pullQuerySchema = z.object({ checkpoint: z.string().max(200).optional() });
/** The verify queue takes no query: whose it is comes from the session. */
const verifyQueueQuerySchema = z.strictObject({});

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
    const { user, deviceId } = callerOf(request);
    const query = parseOrThrow(pullQuerySchema, request.query);
    return pull(handle.db, serverSecret, { centerId: user.centerId, deviceId }, query.checkpoint);
  });

  app.get('/api/sync/verify-queue', async (request): Promise<VerifyQueueResponse> => {
    const { user, deviceId } = callerOf(request);
    parseOrThrow(verifyQueueQuerySchema, request.query);
    const answer = await verifyQueue(handle.db, { centerId: user.centerId, userId: user.id, deviceId }, new Date().toISOString());
    // Counts only: never a record id, never a value.
    request.log.info({ userId: user.id, batches: answer.batches.length }, 'verify queue');
    return answer;
  });
}
