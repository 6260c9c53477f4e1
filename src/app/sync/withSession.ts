/**
 * Runs an online call with the stored session's token. No session, or an ended
 * one, fails as the server would (401); a 401 from the server marks the session
 * expired, as sync does, and is thrown as the ApiError it is.
 */
import type { MesaDb } from '../db/schema';
import { PROBLEMS } from '../../shared/problems';
import { ApiError } from './api';
import { readSession } from '../db/meta';
import { markSessionExpired } from '../db/session';

/** `run` with the signed-in token. */
export async function withSessionToken<T>(db: MesaDb, run: (token: string) => Promise<T>): Promise<T> {
  const session = await readSession(db);
  if (!session || session.expired) {
    const { code, message } = PROBLEMS.unauthenticated;
    throw new ApiError(PROBLEMS.unauthenticated.status, { code, message });
  }
  try {
    return await run(session.token);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) await markSessionExpired(db, session.token);
    throw error;
  }
}
