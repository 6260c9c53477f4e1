/** The first set-up, public while the server has no user: GET and POST /api/setup. */
import type { FastifyInstance } from 'fastify';
import { completeSetup, setupNeeded } from '../admin/setup';
import { Problem } from '../http/problem';
import { countAttempt } from '../queries/rate-limits';
import type { ServerDeps } from '../deps';

const WINDOW_MS = 15 * 60 * 1000;
/** Guesses at the setup code per IP per window: the code has about 59 bits, this keeps it out of reach. */
const MAX_PER_IP = 10;

/** Registers the set-up routes. */
export async function setupRoutes(app: FastifyInstance, { handle }: ServerDeps): Promise<void> {
  const { db } = handle;

  app.get('/api/setup', { config: { public: true } }, async () => ({ needed: await setupNeeded(db) }));

  app.post('/api/setup', { config: { public: true }, bodyLimit: 16 * 1024 }, async (request, reply) => {
    if ((await countAttempt(db, `setup:ip:${request.ip}`, WINDOW_MS, new Date())) > MAX_PER_IP) {
      throw new Problem('tooManyRequests', undefined, { 'retry-after': String(WINDOW_MS / 1000) });
    }
    const { userId } = await completeSetup(handle, request.body);
    request.log.info({ userId }, 'first center and administrator created');
    return reply.code(201).send({ created: true });
  });
}
