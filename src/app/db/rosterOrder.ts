/**
 * The roster's order (shared/roster-order.ts), kept beside the roster so the
 * students screen draws its first screenful by opening only those rows
 * (issue 14: 10,000 students, first screenful within 100 ms of opening).
 *
 * It is sealed like the names it is made from. A plain sort key, even a bare
 * rank, would tell whoever copies the tablet's storage where each student
 * falls alphabetically: with a school's class list beside it, that names every
 * sealed row, and through the plain student id every application. So the
 * order is two sealed meta rows written together: the head (the first
 * screenful's ids and the roster's size), small enough to open at once, and
 * the whole order (ids and names), which a pull opens to place its students
 * without opening every roster row.
 *
 * The order is a copy of what the rows say, never the rows themselves: a
 * pulled page writes it in the page's own transaction; a write that cannot
 * vouch for it (another tab wrote the order meanwhile) forgets it; and the
 * students screen, once it has read the whole roster, stores it again when the
 * head is missing or wrong (a tablet updated from a version without it, a
 * pull by an older tab). A wrong head costs a moment of a wrong first screen,
 * until the whole roster is drawn: no row is ever lost through it.
 */
import { z } from 'zod/mini';
import type { RosterPlace } from '../../shared/roster-order';
import { SealBrokenError } from '../crypto/errors';
import { open, seal, type Sealed } from '../crypto/seal';
import { readRosterHeadSeal, readRosterOrderSeals, writeRosterOrder, type SealedRosterOrder } from './meta';
import { recordIndex } from './records';
import type { MesaDb } from './schema';

/** How many students the head holds: more than a tablet's screen shows. */
export const ROSTER_HEAD = 40;

const HEAD_CONTEXT = 'meta/rosterHead';
const ORDER_CONTEXT = 'meta/rosterOrder';

const headSchema = z.object({ ids: z.array(z.string()), total: z.int().check(z.nonnegative()) });
/** The first screenful's student ids in order, and how many students the roster has. */
export type RosterHead = z.infer<typeof headSchema>;
/** Ids and names as three arrays, not an object a student: 10,000 of them are sealed and parsed at a time, several times cheaper so. */
const wholeSchema = z.object({ ids: z.array(z.string()), lastNames: z.array(z.string()), firstNames: z.array(z.string()) }).check(z.refine((w) => w.lastNames.length === w.ids.length && w.firstNames.length === w.ids.length, 'One name of each kind per student.'));

/** The value of a sealed part, or null when it does not open or fit its schema (then the order is rebuilt). */
async function openPart<T>(key: CryptoKey, sealed: Sealed, context: string, schema: z.ZodMiniType<T>): Promise<T | null> {
  try {
    const parsed = schema.safeParse(await open(key, sealed, context));
    return parsed.success ? parsed.data : null;
  } catch (error) {
    if (error instanceof SealBrokenError) return null;
    throw error;
  }
}

/** Seals `order` (already in the roster's order) as it is stored. */
export async function sealRosterOrder(key: CryptoKey, order: readonly RosterPlace[]): Promise<SealedRosterOrder> {
  const [head, whole] = await Promise.all([
    seal(key, headSchema.parse({ ids: order.slice(0, ROSTER_HEAD).map((p) => p.studentId), total: order.length }), HEAD_CONTEXT),
    seal(key, wholeSchema.parse({ ids: order.map((p) => p.studentId), lastNames: order.map((p) => p.lastName), firstNames: order.map((p) => p.firstName) }), ORDER_CONTEXT),
  ]);
  return { head, whole };
}

/** The stored head, or null when none is stored or it does not open. VaultLockedError while locked. */
export async function readRosterHead(db: MesaDb): Promise<RosterHead | null> {
  const key = recordIndex(db).key();
  const sealed = await readRosterHeadSeal(db);
  return sealed ? Promise.resolve(openPart(key, sealed, HEAD_CONTEXT, headSchema)) : null;
}

/** The stored order as read now: `order` null when there is none that opens; `seen` says which write it was, for writeRosterOrderIfUnchanged. */
export interface ReadOrder {
  order: RosterPlace[] | null;
  seen: string | null;
}

/** Opens the whole stored order. VaultLockedError while locked. */
export async function readRosterOrder(db: MesaDb): Promise<ReadOrder> {
  const key = recordIndex(db).key();
  const seals = await readRosterOrderSeals(db);
  if (!seals) return { order: null, seen: null };
  const whole = await openPart(key, seals.whole, ORDER_CONTEXT, wholeSchema);
  return { order: whole && whole.ids.map((studentId, i) => ({ studentId, lastName: whole.lastNames[i]!, firstName: whole.firstNames[i]! })), seen: seals.head.iv };
}

/**
 * Stores `next` if the order is still the write read as `seen` (null: none),
 * and says whether it did; call inside a transaction over `meta`. Every write
 * seals the head afresh, so its IV tells one write from another.
 */
export async function writeRosterOrderIfUnchanged(db: MesaDb, seen: string | null, next: SealedRosterOrder | null): Promise<boolean> {
  if (((await readRosterHeadSeal(db))?.iv ?? null) !== seen) return false;
  await writeRosterOrder(db, next);
  return true;
}

/**
 * After a read of the whole roster, `sorted` in the roster's order: stores the
 * order when the stored head is missing or does not match it. A write made
 * meanwhile is newer than this read, so it is left as it is.
 */
export async function keepRosterOrder(db: MesaDb, sorted: readonly RosterPlace[]): Promise<void> {
  const key = recordIndex(db).key();
  const sealed = await readRosterHeadSeal(db);
  const head = sealed && (await openPart(key, sealed, HEAD_CONTEXT, headSchema));
  const ids = sorted.slice(0, ROSTER_HEAD).map((p) => p.studentId);
  if (head && head.total === sorted.length && head.ids.length === ids.length && head.ids.every((id, i) => id === ids[i])) return;
  const next = await sealRosterOrder(key, sorted);
  await db.transaction('rw', db.meta, () => writeRosterOrderIfUnchanged(db, sealed?.iv ?? null, next));
}
