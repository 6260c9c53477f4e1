/** Sign-in, session check and sign-out: /api/session. */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sessionRequestSchema, type SessionResponse } from '../../shared/protocol';
import { DECOY_HASH, verifyPassword } from '../auth/passwords';
import { hashToken, newToken } from '../auth/tokens';
import { Problem } from '../http/problem';
import { callerOf, sessionUserOf } from '../http/authenticate';
import { parseOrThrow, storable } from '../http/validation';
import { isKnownDevice, registerDevice } from '../queries/devices';
import { enforceLimit } from '../http/rate-limit';
import { clearAttempts, purgeExpiredAttempts } from '../queries/rate-limits';
import { insertSession, revokeSession } from '../queries/sessions';
import { findUserByEmail } from '../queries/users';
import { signedInEmpty } from '../sync/unsent';
import type { ServerDeps } from '../deps';

const signInSchema = storable(sessionRequestSchema);

/** Registers the session routes. */
export async function sessionRoutes(app: FastifyInstance, { handle, sessionTtlDays, signIn: limits }: ServerDeps): Promise<void> {
  const { db } = handle;

  app.post('/api/session', { config: { public: true }, bodyLimit: 16 * 1024 }, async (request, reply) => {
    const body = parseOrThrow(signInSchema, request.body);
    const now = new Date();
    const overLimit = (key: string, max: number): Promise<void> => enforceLimit(db, key, { windowMs: limits.windowMs, max }, now);
    await purgeExpiredAttempts(db, now);
    await overLimit(`sign-in:ip:${request.ip}`, limits.maxPerIp);
    // The email is hashed so the table holds no address typed by a stranger.
    const account = createHash('sha256').update(body.email).digest('hex');
    const user = await findUserByEmail(db, body.email);
    const known = user !== undefined && (await isKnownDevice(db, body.deviceId, user.id));
    const bucket = known ? `sign-in:device:${account}:${body.deviceId}` : `sign-in:pair:${account}:${request.ip}`;
    await overLimit(bucket, known ? limits.maxPerKnownDevice : limits.maxPerAccountAndIp);
    if (!known) await overLimit(`sign-in:email:${account}`, limits.maxPerAccount);

    const matches = await verifyPassword(body.password, user?.password_hash ?? (await DECOY_HASH));
    if (!user || !matches || user.disabled === 1) throw new Problem('badCredentials');
    await clearAttempts(db, bucket);

    const token = newToken();
    const expiresAt = new Date(now.getTime() + sessionTtlDays * 24 * 60 * 60 * 1000).toISOString();
    const unsentElsewhere = await db.transaction().execute(async (trx) => {
      await registerDevice(trx, { deviceId: body.deviceId, userId: user.id, name: body.deviceName ?? '', now: now.toISOString() });
      await insertSession(trx, { token_hash: hashToken(token), user_id: user.id, device_id: body.deviceId, created_at: now.toISOString(), expires_at: expiresAt, revoked_at: null });
      return body.emptyStore === true ? signedInEmpty(trx, { deviceId: body.deviceId, userId: user.id, now: now.toISOString() }) : undefined;
    });
    request.log.info({ userId: user.id }, 'signed in');
    const response: SessionResponse = {
      token,
      expiresAt,
      user: sessionUserOf(user),
      ...(unsentElsewhere ? { unsentElsewhere } : {}),
    };
    return reply.send(response);
  });

  app.get('/api/session', async (request) => ({ user: callerOf(request).user }));

  app.delete('/api/session', async (request, reply) => {
    await revokeSession(db, callerOf(request).tokenHash, new Date().toISOString());
    return reply.code(204).send();
  });
}
