/** Queries on `ssid_policy`: the date from which SSIDs are required, per center or global. */
import type { SsidPolicy } from '../../shared/policy';
import { DEFAULT_SSID_POLICY } from '../../shared/policy';
import type { Executor } from './executor';

/** The center's own policy if it has one, else the global one. */
export async function ssidPolicyFor(db: Executor, centerId: string): Promise<SsidPolicy> {
  const rows = await db.selectFrom('ssid_policy').select(['scope', 'required_from']).where('scope', 'in', [centerId, 'global']).execute();
  const row = rows.find((r) => r.scope === centerId) ?? rows.find((r) => r.scope === 'global');
  return row ? { requiredFrom: row.required_from } : DEFAULT_SSID_POLICY;
}

/** Sets a center's own policy ('global' for everyone without one). */
export async function setSsidPolicy(db: Executor, scope: string, requiredFrom: string, now: string): Promise<void> {
  await db.insertInto('ssid_policy')
    .values({ scope, required_from: requiredFrom, updated_at: now })
    .onConflict((oc) => oc.column('scope').doUpdateSet({ required_from: requiredFrom, updated_at: now }))
    .execute();
}
