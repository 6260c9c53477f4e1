/** The signed-in user sets their own password: POST /api/session/password (after a one-time password, or any time). */
import type { FastifyInstance } from 'fastify';
import { passwordChangeSchema } from '../../shared/admin-protocol';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { callerOf, sessionUserOf } from '../http/authenticate';
import { Problem } from '../http/problem';
import { parseOrThrow, storable } from '../http/validation';
import { findUser, setUserPassword } from '../queries/users';
import type { ServerDeps } from '../deps';

const bodySchema = storable(passwordChangeSchema);

/** Registers the password route. */
export async function passwordRoutes(app: FastifyInstance, { handle }: ServerDeps): Promise<void> {
  const { db } = handle;
  app.post('/api/session/password', { bodyLimit: 16 * 1024 }, async (request) => {
    const { user } = callerOf(request);
    const body = parseOrThrow(bodySchema, request.body);
    const row = await findUser(db, user.id);
    // Not a 401: that would end the session the app holds, over a typo.
    if (!row || !(await verifyPassword(body.currentPassword, row.password_hash))) {
      throw new Problem('invalidBody', [{ field: 'currentPassword', message: 'That is not your current password.' }]);
    }
    if (body.newPassword === body.currentPassword) {
      throw new Problem('invalidBody', [{ field: 'newPassword', message: 'Choose a password different from the one you were given.' }]);
    }
    await setUserPassword(db, user.id, await hashPassword(body.newPassword), 0);
    request.log.info({ userId: user.id }, 'password changed');
    return { user: sessionUserOf({ ...row, must_change_password: 0 }) };
  });
}
