/**
 * The first set-up of a production server without the command line: while the
 * database has no user, the first visitor may create the first center and its
 * administrator, but only with the one-time setup code the server printed at
 * start (so a server reachable from the internet cannot be claimed by a
 * stranger). The code is stored hashed in settings, shared by every instance;
 * each start of an unclaimed server replaces it, and using it deletes it.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { setupRequestSchema } from '../../shared/admin-protocol';
import { createCenter, createUser } from '../accounts';
import type { DatabaseHandle } from '../db/connect';
import { Problem } from '../http/problem';
import { parseOrThrow, storable } from '../http/validation';
import type { Executor } from '../queries/executor';
import { deleteSetting, getSetting, putSetting } from '../queries/settings';
import { countUsers } from '../queries/users';
import { auditAdminAction } from './audit';
import { newOneTimePassword } from './one-time-password';

const SETUP_CODE_KEY = 'setup_code_sha256';

const digest = (code: string): Buffer => createHash('sha256').update(code.trim().toLowerCase()).digest();

/** Makes a new setup code when nobody can sign in yet; undefined once the server has users. */
export async function issueSetupCode(db: Executor): Promise<string | undefined> {
  if ((await countUsers(db)) > 0) return undefined;
  const code = newOneTimePassword();
  await putSetting(db, SETUP_CODE_KEY, digest(code).toString('hex'));
  return code;
}

/** Whether the first center and administrator are still to be made. */
export async function setupNeeded(db: Executor): Promise<boolean> {
  return (await countUsers(db)) === 0;
}

/** Creates the first center and its administrator from the request body; refused once anyone exists. */
export async function completeSetup(handle: DatabaseHandle, input: unknown): Promise<{ centerId: string; userId: string }> {
  const request = parseOrThrow(storable(setupRequestSchema), input);
  return handle.db.transaction().execute(async (trx) => {
    if ((await countUsers(trx)) > 0) throw new Problem('setupDone');
    const stored = await getSetting(trx, SETUP_CODE_KEY);
    if (stored === undefined || !timingSafeEqual(Buffer.from(stored, 'hex'), digest(request.setupCode))) throw new Problem('badSetupCode');
    const centerId = await createCenter(trx, request.centerName);
    const userId = await createUser(trx, { email: request.email, name: request.name, role: 'center_admin', centerId, password: request.password });
    await deleteSetting(trx, SETUP_CODE_KEY);
    await auditAdminAction(trx, { centerId, userId, action: 'center_created', subject: request.centerName, now: new Date().toISOString() });
    return { centerId, userId };
  });
}
