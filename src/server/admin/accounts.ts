/**
 * A center administrator's changes to staff accounts: create with a one-time
 * password, disable, re-enable, reset the password. Each runs in one transaction
 * with its audit row. The rule that keeps a center reachable: its last enabled
 * administrator can never be disabled.
 */
import type { Account, OneTimePasswordResponse } from '../../shared/admin-protocol';
import { newAccountSchema } from '../../shared/admin-protocol';
import { createUser } from '../accounts';
import { hashPassword } from '../auth/passwords';
import type { DatabaseHandle } from '../db/connect';
import { isUniqueViolation } from '../db/errors';
import { Problem } from '../http/problem';
import { parseOrThrow, storable } from '../http/validation';
import { centerUsers, findUser, lockActiveAdmins, setUserDisabled, setUserPassword, type UserRow } from '../queries/users';
import { auditAdminAction } from './audit';
import type { Actor } from './caller';
import { newOneTimePassword } from './one-time-password';

/** The account as the administrator's screen shows it (never the hash). */
export function accountOf(row: UserRow): Account {
  return {
    id: row.id, email: row.email, name: row.name, role: row.role,
    disabled: row.disabled === 1, mustChangePassword: row.must_change_password === 1, createdAt: row.created_at,
  };
}

/** The center's accounts. */
export async function listAccounts(handle: DatabaseHandle, centerId: string): Promise<Account[]> {
  return (await centerUsers(handle.db, centerId)).map(accountOf);
}

/** A user of the actor's center, or notFound (another center's user is answered like a missing one). */
async function centerUser(handle: DatabaseHandle, actor: Actor, id: string): Promise<UserRow> {
  const user = await findUser(handle.db, id);
  if (!user || user.center_id !== actor.centerId) throw new Problem('notFound');
  return user;
}

/** Creates an account with a one-time password, returned once; `input` is the request body. */
export async function createAccount(handle: DatabaseHandle, actor: Actor, input: unknown): Promise<OneTimePasswordResponse> {
  const account = parseOrThrow(storable(newAccountSchema), input);
  const oneTimePassword = newOneTimePassword();
  const now = new Date().toISOString();
  try {
    const id = await handle.db.transaction().execute(async (trx) => {
      const created = await createUser(trx, { ...account, centerId: actor.centerId, password: oneTimePassword }, true);
      await auditAdminAction(trx, { centerId: actor.centerId, userId: actor.userId, action: 'account_created', subject: account.email, now });
      return created;
    });
    return { account: accountOf(await centerUser(handle, actor, id)), oneTimePassword };
  } catch (error) {
    if (isUniqueViolation(error)) throw new Problem('alreadyExists', [{ field: 'email', message: 'An account with this email exists.' }]);
    throw error;
  }
}

/** Disables (`disabled` true) or re-enables an account; its sessions stop working while disabled. */
export async function setDisabled(handle: DatabaseHandle, actor: Actor, id: string, disabled: boolean): Promise<Account> {
  const user = await centerUser(handle, actor, id);
  const now = new Date().toISOString();
  await handle.db.transaction().execute(async (trx) => {
    if (disabled && user.role === 'center_admin') {
      const admins = await lockActiveAdmins(trx, actor.centerId, handle.dialect);
      if (admins.every((adminId) => adminId === id)) throw new Problem('lastAdmin');
    }
    await setUserDisabled(trx, id, disabled ? 1 : 0);
    await auditAdminAction(trx, { centerId: actor.centerId, userId: actor.userId, action: disabled ? 'account_disabled' : 'account_enabled', subject: user.email, now });
  });
  return accountOf(await centerUser(handle, actor, id));
}

/** Replaces the password with a new one-time password, returned once; the user sets their own at next sign-in. */
export async function resetPassword(handle: DatabaseHandle, actor: Actor, id: string): Promise<OneTimePasswordResponse> {
  const user = await centerUser(handle, actor, id);
  const oneTimePassword = newOneTimePassword();
  const hash = await hashPassword(oneTimePassword);
  const now = new Date().toISOString();
  await handle.db.transaction().execute(async (trx) => {
    await setUserPassword(trx, id, hash, 1);
    await auditAdminAction(trx, { centerId: actor.centerId, userId: actor.userId, action: 'password_reset', subject: user.email, now });
  });
  return { account: accountOf(await centerUser(handle, actor, id)), oneTimePassword };
}
