/**
 * The server secret behind the per-center SSID hash keys. Set SERVER_SECRET in
 * production; otherwise one is made at first start and kept in the database, so
 * every instance on the same database agrees and tablets' roster hashes stay valid.
 */
import { randomBytes } from 'node:crypto';
import type { Executor } from './queries/executor';
import { setSettingOnce } from './queries/settings';

/** The configured secret, or the one stored in the database (made now if absent). */
export async function resolveServerSecret(db: Executor, configured: string | undefined): Promise<string> {
  return configured ?? setSettingOnce(db, 'server_secret', randomBytes(32).toString('hex'));
}
