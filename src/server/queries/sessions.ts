/** Queries on `sessions`. */
import type { Selectable } from 'kysely';
import type { SessionsTable } from '../db/schema';
import type { Executor } from './executor';
import type { UserRow } from './users';

/** Stores a new session. */
export async function insertSession(db: Executor, session: Omit<Selectable<SessionsTable>, 'revoke_reason'>): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

/** A session that is live at `now` (not expired, not revoked, user not disabled), with its user. */
export async function findLiveSession(
  db: Executor,
  tokenHash: string,
  now: string,
): Promise<{ deviceId: string; user: UserRow } | undefined> {
  const row = await db.selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select('sessions.device_id')
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now)
    .where('users.disabled', '=', 0)
    .executeTakeFirst();
  if (!row) return undefined;
  const { device_id: deviceId, ...user } = row;
  return { deviceId, user };
}

/** Revokes one session. */
export async function revokeSession(db: Executor, tokenHash: string, now: string): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: now }).where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).execute();
}

/** Whether this token was ended by an administrator revoking its tablet. */
export async function wasRevokedWithDevice(db: Executor, tokenHash: string): Promise<boolean> {
  const row = await db.selectFrom('sessions').select('revoke_reason').where('token_hash', '=', tokenHash).executeTakeFirst();
  return row?.revoke_reason === 'device_revoked';
}

/** Ends every live session on this tablet of this center's users; returns how many. */
export async function revokeDeviceSessions(db: Executor, deviceId: string, centerId: string, now: string): Promise<number> {
  const result = await db.updateTable('sessions')
    .set({ revoked_at: now, revoke_reason: 'device_revoked' })
    .where('device_id', '=', deviceId)
    .where('revoked_at', 'is', null)
    .where('user_id', 'in', (eb) => eb.selectFrom('users').select('id').where('center_id', '=', centerId))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
