/** The center administrator's staff accounts: /api/admin/accounts. */
import type { FastifyInstance } from 'fastify';
import type { Account, OneTimePasswordResponse } from '../../shared/admin-protocol';
import { createAccount, listAccounts, resetPassword, setDisabled } from '../admin/accounts';
import { adminOf } from '../admin/caller';
import { parseOrThrow } from '../http/validation';
import type { ServerDeps } from '../deps';
import { idParamsSchema } from './id-params';

/** Registers the account routes. */
export async function adminAccountRoutes(app: FastifyInstance, { handle }: ServerDeps): Promise<void> {
  app.get('/api/admin/accounts', async (request): Promise<{ accounts: Account[] }> => ({
    accounts: await listAccounts(handle, adminOf(request).centerId),
  }));

  app.post('/api/admin/accounts', async (request, reply) => {
    const actor = adminOf(request);
    const created: OneTimePasswordResponse = await createAccount(handle, actor, request.body);
    request.log.info({ by: actor.userId, userId: created.account.id }, 'account created');
    return reply.code(201).send(created);
  });

  for (const [action, disabled] of [['disable', true], ['enable', false]] as const) {
    app.post(`/api/admin/accounts/:id/${action}`, async (request): Promise<Account> => {
      const { id } = parseOrThrow(idParamsSchema, request.params);
      return setDisabled(handle, adminOf(request), id, disabled);
    });
  }

  app.post('/api/admin/accounts/:id/reset-password', async (request): Promise<OneTimePasswordResponse> => {
    const { id } = parseOrThrow(idParamsSchema, request.params);
    return resetPassword(handle, adminOf(request), id);
  });
}
