/** The center's setting for verification by a second keyer: /api/admin/verification. */
import type { FastifyInstance } from 'fastify';
import type { CenterVerification } from '../../shared/verification-policy';
import { adminOf } from '../admin/caller';
import { setVerificationPolicy } from '../admin/verification';
import { centerVerification } from '../queries/centers';
import type { ServerDeps } from '../deps';

/** Registers the verification setting's routes. */
export async function adminVerificationRoutes(app: FastifyInstance, { handle }: ServerDeps): Promise<void> {
  app.get('/api/admin/verification', async (request): Promise<CenterVerification> => centerVerification(handle.db, adminOf(request).centerId));

  app.post('/api/admin/verification', async (request): Promise<CenterVerification> => {
    const actor = adminOf(request);
    const set = await setVerificationPolicy(handle, actor, request.body);
    request.log.info({ by: actor.userId, policy: set.policy, fields: set.fields }, 'verification setting set');
    return set;
  });
}
