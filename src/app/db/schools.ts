/** Schools as the last pull left them; read-only for the app. */
import type { MesaDb } from './schema';
import type { School } from '../../shared/protocol';

/** The schools an advisor can pick, by name. */
export async function listSchools(db: MesaDb): Promise<School[]> {
  const rows = await db.schools.toArray();
  return rows.filter((s) => !s.deleted).sort((a, b) => a.name.localeCompare(b.name));
}
