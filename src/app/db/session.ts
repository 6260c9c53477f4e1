/**
 * The advisor's session on the tablet: kept in meta so that, after one online
 * sign-in, the app opens and works offline. Every write that depends on what
 * is stored runs in one transaction with the read.
 */
import type { SessionUser } from '../../shared/protocol';
import type { MesaDb } from './schema';
import { deleteSession, forgetPulledFacts, readSession, rememberRevocation, writeSession, type StoredSession } from './meta';

/**
 * Stores a new session. When its user belongs to another center than the last
 * one, the pulled reference data (schools, roster, checkpoint, sheets pulled for
 * a second keyer) is dropped in the same transaction, so one center's pupils
 * never show to another.
 */
export function storeSignIn(db: MesaDb, session: StoredSession): Promise<void> {
  return db.transaction('rw', [db.meta, db.schools, db.roster, db.sheetsToVerify], async () => {
    const previous = await readSession(db);
    if (previous && previous.user.centerId !== session.user.centerId) {
      await Promise.all([db.schools.clear(), db.roster.clear(), db.sheetsToVerify.clear(), forgetPulledFacts(db)]);
    }
    await writeSession(db, session);
  });
}

/** Forgets the session; `unrevokedToken` is remembered for revocation at the next connection. */
export function forgetSession(db: MesaDb, unrevokedToken: string | null): Promise<void> {
  return db.transaction('rw', db.meta, async () => {
    if (unrevokedToken !== null) await rememberRevocation(db, unrevokedToken);
    await deleteSession(db);
  });
}

/** Marks the session expired if it still holds `refusedToken`: a sign-in that happened meanwhile stays valid. */
export function markSessionExpired(db: MesaDb, refusedToken: string): Promise<void> {
  return db.transaction('rw', db.meta, async () => {
    const session = await readSession(db);
    if (session && session.token === refusedToken && !session.expired) await writeSession(db, { ...session, expired: true });
  });
}

/** Stores the user as the server now describes them, if the session still holds `token`. */
export function updateSessionUser(db: MesaDb, token: string, user: SessionUser): Promise<void> {
  return db.transaction('rw', db.meta, async () => {
    const current = await readSession(db);
    if (current?.token === token) await writeSession(db, { ...current, user });
  });
}
