/** The first set-up, public while the server has no user: GET and POST /api/setup. */
import type { FastifyInstance } from 'fastify';
import { completeSetup, setupNeeded } from '../admin/setup';
import { enforceLimit } from '../http/rate-limit';
import type { ServerDeps } from '../deps';

/** Registers the set-up routes. */
export async function setupRoutes(app: FastifyInstance, { handle, setup: limits }: ServerDeps): Promise<void> {
  const { db } = handle;

  app.get('/api/setup', { config: { public: true } }, async () => ({ needed: await setupNeeded(db) }));

  app.post('/api/setup', { config: { public: true }, bodyLimit: 16 * 1024 }, async (request, reply) => {
    await enforceLimit(db, `setup:ip:${request.ip}`, { windowMs: limits.windowMs, max: limits.maxPerIp }, new Date());
    const { userId } = await completeSetup(handle, request.body);
    request.log.info({ userId }, 'first center and administrator created');
    return reply.code(201).send({ created: true });
  });
}
