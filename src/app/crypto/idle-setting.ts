/**
 * The advisor's idle lock delay ("Lock after N minutes of no use"), kept in the
 * meta table so it survives reloads; the vault reads it when the app starts.
 */
import { z } from 'zod';
import type { MesaDb } from '../db/schema';

/** The meta row that holds the idle lock delay in minutes. */
export const IDLE_MINUTES_META_KEY = 'idleMinutes';

/** Whole minutes from 1 (locks almost at once) to 240 (a school visit). */
export const idleMinutesSchema = z.number().int().min(1).max(240);

/** The saved delay, or null when none was saved (or a stored value is not valid). */
export async function readIdleMinutes(db: MesaDb): Promise<number | null> {
  const parsed = idleMinutesSchema.safeParse((await db.meta.get(IDLE_MINUTES_META_KEY))?.value);
  return parsed.success ? parsed.data : null;
}

/** Saves the delay; ZodError for a value outside 1-240 whole minutes. */
export async function saveIdleMinutes(db: MesaDb, minutes: number): Promise<void> {
  await db.meta.put({ key: IDLE_MINUTES_META_KEY, value: idleMinutesSchema.parse(minutes) });
}
