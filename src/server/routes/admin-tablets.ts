/** The center administrator's tablets and history: /api/admin/tablets, /api/admin/history. */
import type { FastifyInstance } from 'fastify';
import type { HistoryEntry, Tablet } from '../../shared/admin-protocol';
import { adminHistory } from '../admin/audit';
import { adminOf } from '../admin/caller';
import { dismissUnsent, listTablets, revokeTablet } from '../admin/tablets';
import { parseOrThrow } from '../http/validation';
import type { ServerDeps } from '../deps';
import { idParamsSchema } from './id-params';

/** Registers the tablet and history routes. */
export async function adminTabletRoutes(app: FastifyInstance, { handle }: ServerDeps): Promise<void> {
  app.get('/api/admin/tablets', async (request): Promise<{ tablets: Tablet[] }> => ({
    tablets: await listTablets(handle, adminOf(request).centerId),
  }));

  app.post('/api/admin/tablets/:id/revoke', async (request): Promise<{ sessionsEnded: number }> => {
    const actor = adminOf(request);
    const { id } = parseOrThrow(idParamsSchema, request.params);
    const sessionsEnded = await revokeTablet(handle, actor, id);
    request.log.info({ by: actor.userId, sessionsEnded }, 'tablet revoked');
    return { sessionsEnded };
  });

  app.post('/api/admin/tablets/:id/dismiss-unsent', async (request): Promise<{ dismissedAt: string }> => {
    const actor = adminOf(request);
    const { id } = parseOrThrow(idParamsSchema, request.params);
    return { dismissedAt: await dismissUnsent(handle, actor, id) };
  });

  app.get('/api/admin/history', async (request): Promise<{ entries: HistoryEntry[] }> => ({
    entries: await adminHistory(handle.db, adminOf(request).centerId),
  }));
}
