/** The advisor's session as a hook: who is signed in, and sign-in / sign-out actions. */
import { createContext } from 'preact';
import { useCallback, useContext } from 'preact/hooks';
import { useLiveQuery } from './useLiveQuery';
import { useServices } from './context';
import { signInAndSync, useSyncServices } from '../sync/context';
import { readSession, type StoredSession } from '../db/meta';
import { signOut, type Credentials, type SignOutResult } from '../sync/session';

/** none: nobody ever signed in here (or signed out); expired: the server refused the token. */
export type SessionStatus = 'loading' | 'none' | 'active' | 'expired';

/** What the sign-in screen and the status bar need about the session. */
export interface SessionView {
  status: SessionStatus;
  session: StoredSession | null;
  signIn: (credentials: Credentials) => Promise<void>;
  signOut: () => Promise<SignOutResult>;
}

/**
 * The session found while the app started (undefined: none found, or not read),
 * shown until the live read answers: the first render after the unlock draws
 * the screen instead of waiting for that read (cold start, issue 14).
 */
export const SessionAtStartContext = createContext<StoredSession | undefined>(undefined);

/** The session, live from the store (so every tab sees a sign-in or sign-out). */
export function useSession(): SessionView {
  const { store } = useServices();
  const services = useSyncServices();
  const atStart = useContext(SessionAtStartContext);
  const live = useLiveQuery(() => readSession(store.db), [store]);
  const result = live.status === 'loading' && atStart !== undefined ? { status: 'ready' as const, data: atStart } : live;
  const session = result.status === 'ready' ? result.data : null;
  let status: SessionStatus = 'loading';
  if (result.status === 'ready') status = session === null ? 'none' : session.expired ? 'expired' : 'active';
  // A store that cannot be read is the same as no session: the sign-in screen says what is wrong.
  if (result.status === 'error') status = 'none';

  const doSignIn = useCallback((credentials: Credentials) => signInAndSync(store, services, credentials), [store, services]);
  const doSignOut = useCallback(() => signOut(store.db, services.api), [store, services]);
  return { status, session, signIn: doSignIn, signOut: doSignOut };
}
