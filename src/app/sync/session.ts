/**
 * Sign-in and sign-out. The session (token and user) is kept in meta so that,
 * after one online sign-in, the app opens and works offline; a 401 later only
 * marks it expired and never touches a record or an outbox row.
 */
import { z } from 'zod/mini';
import { PROBLEMS } from '../../shared/problems';
import { sessionUserSchema } from '../../shared/protocol';
import type { MesaDb } from '../db/schema';
import { ApiError, NetworkError, type ApiClient } from './api';
import { getOrCreateDeviceId, readSession, writeDeviceName, writeUnsentElsewhere, type StoredSession } from '../db/meta';
import { isStoreEmpty } from '../db/plainColumns';
import { forgetSession, storeSignIn, updateSessionUser } from '../db/session';

/** What the sign-in form sends. */
export interface Credentials {
  email: string;
  password: string;
  /** What the advisor calls this tablet, kept here and offered at the next sign-in. */
  deviceName?: string;
}

/**
 * Signs in online and stores the session. When the new user belongs to another
 * center than the last one, the pulled reference data (schools, roster, checkpoint)
 * is dropped in the same transaction, so one center's roster never shows to another.
 */
export async function signIn(db: MesaDb, api: ApiClient, credentials: Credentials): Promise<StoredSession> {
  const deviceId = await getOrCreateDeviceId(db);
  // A cleared store comes back with a new device id: saying it is empty lets the
  // server name the user's other tablets whose records have not arrived.
  const emptyStore = await isStoreEmpty(db);
  const { unsentElsewhere, ...response } = await api.signIn({ ...credentials, deviceId, emptyStore });
  const session: StoredSession = { ...response, expired: false };
  await storeSignIn(db, session);
  if (credentials.deviceName !== undefined) await writeDeviceName(db, credentials.deviceName);
  if (emptyStore) await writeUnsentElsewhere(db, unsentElsewhere ?? []);
  return session;
}

/** How a sign-out went: `revoked` is false when the server could not be told. */
export interface SignOutResult {
  revoked: boolean;
}

/**
 * Ends the session: asks the server to revoke the token, then forgets it here
 * whatever the server said, because the tablet may be handed to someone else.
 * A token the server could not be told about is remembered and revoked at the
 * next connection (see revocations.ts).
 */
export async function signOut(db: MesaDb, api: ApiClient): Promise<SignOutResult> {
  const session = await readSession(db);
  if (!session) return { revoked: true };
  let revoked = true;
  try {
    await api.signOut(session.token);
  } catch (error) {
    // A 401 means the token was already dead on the server: that is revoked too.
    if (error instanceof ApiError && error.status === 401) revoked = true;
    else if (error instanceof ApiError || error instanceof NetworkError) revoked = false;
    else throw error;
  }
  await forgetSession(db, revoked ? null : session.token);
  return { revoked };
}

/**
 * Replaces a one-time password with the user's own, then stores the user as the
 * server now describes them (no longer asked to change it). Errors are the ApiError
 * or NetworkError they are: the form says why.
 */
export async function changePassword(db: MesaDb, api: ApiClient, change: { currentPassword: string; newPassword: string }): Promise<void> {
  const session = await readSession(db);
  if (!session) throw new ApiError(PROBLEMS.unauthenticated.status, { code: PROBLEMS.unauthenticated.code, message: PROBLEMS.unauthenticated.message });
  const { user } = await api.request('POST', '/api/session/password', z.object({ user: sessionUserSchema }), { token: session.token, body: change });
  await updateSessionUser(db, session.token, user);
}
