/** Queries on `centers`. */
import type { Insertable, Selectable } from 'kysely';
import type { CentersTable } from '../db/schema';
import { parseJson } from '../db/stored-json';
import { NO_VERIFICATION_POLICY, verificationPolicySchema, type CenterVerification } from '../../shared/verification-policy';
import { addedFieldsIn, type AddableVerifiedField } from '../../shared/verification-record';
import type { Executor } from './executor';

export type Center = Selectable<CentersTable>;

/** Adds a center. */
export async function insertCenter(db: Executor, center: Insertable<CentersTable>): Promise<void> {
  await db.insertInto('centers').values(center).execute();
}

/** The center with this id. */
export async function findCenter(db: Executor, id: string): Promise<Center | undefined> {
  return db.selectFrom('centers').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The center with this id or, failing that, this exact name (for the admin command). */
export async function findCenterByIdOrName(db: Executor, idOrName: string): Promise<Center | undefined> {
  return (await findCenter(db, idOrName)) ?? db.selectFrom('centers').selectAll().where('name', '=', idOrName).executeTakeFirst();
}

/** Sets the center's verification setting (and since when it is required, or null). */
export async function setCenterVerification(db: Executor, id: string, policy: string, requiredSince: string | null): Promise<void> {
  await db.updateTable('centers').set({ verification_policy: policy, verification_required_since: requiredSince }).where('id', '=', id).execute();
}

/** Sets the fields the center verifies besides the required four. */
export async function setCenterVerifiedFields(db: Executor, id: string, fields: readonly AddableVerifiedField[]): Promise<void> {
  await db.updateTable('centers').set({ verification_fields: JSON.stringify(fields) }).where('id', '=', id).execute();
}

/**
 * The row's verification setting; a policy this version does not know counts
 * as 'off', never as a requirement, and a field it does not know is left out,
 * as is a list that does not read (the center still pulls and pushes).
 */
export function centerVerificationOf(center: Pick<Center, 'verification_policy' | 'verification_required_since' | 'verification_fields'>): CenterVerification {
  const fields = addedFieldsIn(parseJson(center.verification_fields));
  const policy = verificationPolicySchema.safeParse(center.verification_policy);
  if (!policy.success) return { ...NO_VERIFICATION_POLICY, fields };
  return { policy: policy.data, requiredSince: policy.data === 'required' ? center.verification_required_since : null, fields };
}

/** The center's verification setting ('off' for a center that does not exist, which no caller has). */
export async function centerVerification(db: Executor, id: string): Promise<CenterVerification> {
  const center = await findCenter(db, id);
  return center ? centerVerificationOf(center) : NO_VERIFICATION_POLICY;
}
