/**
 * How many rows wait in the outbox: a plain count, known while locked. Apart
 * from outbox.ts (which seals and opens rows) so that the unlock screen and the
 * sync engine count without loading the row schemas.
 */
import type { MesaDb } from './schema';

/** How many rows wait in the outbox (a live query may watch it). */
export function countOutbox(db: MesaDb): Promise<number> {
  return db.outbox.count();
}
