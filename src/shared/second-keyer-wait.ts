/**
 * Where the sheets of a batch still wait for their second keyer (issue 10), so
 * the first keyer's batch says it is not done while a sheet is unverified:
 * on this tablet, in "Needs a second look", or on another tablet before or
 * after the next sync; and a sheet another tablet typed, pulled here for a
 * second keyer. Pure, so the batch screen and the batches list count alike.
 */
import type { Status } from './lifecycle';
import { needsSecondKeying, type SheetAtConfirm } from './verification-policy';

/** What the tablet holds of one of the batch's sheets. */
export interface SheetBeforeSecondKeyer {
  status: Status;
  /** What the confirm gate reads of it. */
  gate: SheetAtConfirm;
  /** The paper settled nothing between the keyings: it is in "Needs a second look". */
  inSecondLook: boolean;
  /** It was sent, typed once, for a second keyer on another tablet. */
  sentElsewhere: boolean;
}

/** A sheet another tablet typed, pulled here for this tablet's second keyer (not a record of this tablet). */
export interface PulledForSecondKeyer {
  pulled: true;
  /** The paper settled nothing between the keyings here: it is in "Needs a second look". */
  inSecondLook: boolean;
}

/** Where one sheet waits, or null when it waits for no second keyer. */
export type SecondKeyerWait = 'here' | 'second_look' | 'after_sync' | 'elsewhere' | null;

/** Statuses of a confirmed version the server has not answered yet. */
const NOT_YET_SENT: ReadonlySet<Status> = new Set(['confirmed', 'queued']);

/**
 * Where a sheet waits for its second keyer, in order:
 * 0. A sheet pulled here waits for its second keyer here, or in "Needs a
 *    second look" for a person to read the paper here: once verified it is a
 *    record of this tablet, no longer a pulled sheet.
 * 1. A verified sheet waits for no one (a verification from another tablet included).
 * 2. A sheet in "Needs a second look" waits for a person to read the paper here.
 * 3. A sheet sent for a second keyer elsewhere waits, until the server holds
 *    it, for the next sync, then for a second keyer on another tablet. One
 *    edited since, refused or found in conflict goes on by rule 4.
 * 4. A sheet the confirm gate holds back for want of a second keying waits for
 *    one here: typed to the end (ready), or as the server sent it back. A
 *    draft waits for its problems to be fixed first (counted with them), and
 *    anything else for no second keyer.
 */
export function secondKeyerWait(sheet: SheetBeforeSecondKeyer | PulledForSecondKeyer): SecondKeyerWait {
  if ('pulled' in sheet) return sheet.inSecondLook ? 'second_look' : 'here';
  if (sheet.gate.verified) return null;
  if (sheet.inSecondLook) return 'second_look';
  if (sheet.sentElsewhere && NOT_YET_SENT.has(sheet.status)) return 'after_sync';
  if (sheet.sentElsewhere && sheet.status === 'synced') return 'elsewhere';
  if (!needsSecondKeying(sheet.gate)) return null;
  return sheet.status === 'ready' || sheet.gate.serverAsked ? 'here' : null;
}

/** How many of a batch's sheets wait for a second keyer, by where they wait. */
export interface SecondKeyerWaits {
  here: number;
  secondLook: number;
  afterSync: number;
  elsewhere: number;
}

/** Counts the batch's sheets by where they wait for their second keyer. */
export function countSecondKeyerWaits(sheets: readonly (SheetBeforeSecondKeyer | PulledForSecondKeyer)[]): SecondKeyerWaits {
  const counts: SecondKeyerWaits = { here: 0, secondLook: 0, afterSync: 0, elsewhere: 0 };
  for (const sheet of sheets) {
    const wait = secondKeyerWait(sheet);
    if (wait === 'here') counts.here++;
    else if (wait === 'second_look') counts.secondLook++;
    else if (wait === 'after_sync') counts.afterSync++;
    else if (wait === 'elsewhere') counts.elsewhere++;
  }
  return counts;
}
