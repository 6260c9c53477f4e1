/**
 * Sign-outs the server has not heard of yet. Signing out offline forgets the
 * token on the tablet at once, but the token stays valid on the server until it
 * is revoked, so it is remembered here and revoked (DELETE /api/session) at the
 * next connection, then forgotten. Tokens are kept as the session kept them: in
 * the meta table, readable without the passphrase, because sync sends them while
 * the vault may be locked and nobody may be signed in.
 */
import { z } from 'zod';
import type { MesaDb } from '../db/schema';
import { ApiError, NetworkError, type ApiClient } from './api';
import { META } from './meta';

const tokensSchema = z.array(z.string().min(1));

async function readTokens(db: MesaDb): Promise<string[]> {
  const parsed = tokensSchema.safeParse((await db.meta.get(META.revocations))?.value);
  return parsed.success ? parsed.data : [];
}

/** Remembers `token` for revocation at the next connection (call inside the sign-out's transaction). */
export async function rememberRevocation(db: MesaDb, token: string): Promise<void> {
  const tokens = await readTokens(db);
  if (!tokens.includes(token)) await db.meta.put({ key: META.revocations, value: [...tokens, token] });
}

/**
 * Tells the server about every remembered sign-out and forgets the ones it took.
 * A 401 counts as done (the token was already dead); a network failure stops
 * the round and keeps the rest for the next one. Resolves to how many are left.
 */
export async function sendRevocations(db: MesaDb, api: Pick<ApiClient, 'signOut'>): Promise<number> {
  const done = new Set<string>();
  for (const token of await readTokens(db)) {
    try {
      await api.signOut(token);
      done.add(token);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) done.add(token);
      else if (error instanceof NetworkError) break;
      else if (!(error instanceof ApiError)) throw error;
    }
  }
  // Read again: another tab may have signed out meanwhile, and its token must stay.
  return db.transaction('rw', db.meta, async () => {
    const left = (await readTokens(db)).filter((token) => !done.has(token));
    if (left.length > 0) await db.meta.put({ key: META.revocations, value: left });
    else await db.meta.delete(META.revocations);
    return left.length;
  });
}
