/**
 * Sign-outs the server has not heard of yet. Signing out offline forgets the
 * token on the tablet at once, but the token stays valid on the server until it
 * is revoked, so it is remembered here and revoked (DELETE /api/session) at the
 * next connection, then forgotten. Tokens are kept as the session kept them: in
 * the meta table, readable without the passphrase, because sync sends them while
 * the vault may be locked and nobody may be signed in.
 */
import type { MesaDb } from '../db/schema';
import { ApiError, NetworkError, type ApiClient } from './api';
import { forgetRevocations, readRevocations } from '../db/meta';

/**
 * Tells the server about every remembered sign-out and forgets the ones it took.
 * A 401 counts as done (the token was already dead); a network failure stops
 * the round and keeps the rest for the next one. Resolves to how many are left.
 */
export async function sendRevocations(db: MesaDb, api: Pick<ApiClient, 'signOut'>): Promise<number> {
  const done = new Set<string>();
  for (const token of await readRevocations(db)) {
    try {
      await api.signOut(token);
      done.add(token);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) done.add(token);
      else if (error instanceof NetworkError) break;
      else if (!(error instanceof ApiError)) throw error;
    }
  }
  return forgetRevocations(db, done);
}
