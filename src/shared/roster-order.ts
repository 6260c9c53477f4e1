/**
 * The roster's order: by last name, then first name, as people read a class
 * list (case and accents compared loosely); students with the same names by
 * id, so every sort of the same students gives the same order. The tablet keeps
 * this order stored beside the roster so its first screenful can be read
 * without opening every row (app/db/rosterOrder.ts).
 */

/** What places a student in the order. */
export interface RosterPlace {
  studentId: string;
  lastName: string;
  firstName: string;
}

const collator = new Intl.Collator('en', { sensitivity: 'base' });

/** Negative when `a` comes first, as Array.prototype.sort wants. */
export function compareRosterPlaces(a: RosterPlace, b: RosterPlace): number {
  return collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName)
    || (a.studentId < b.studentId ? -1 : a.studentId > b.studentId ? 1 : 0);
}

/**
 * `order` (sorted) with the students in `gone` taken out and the `changed`
 * ones put (or moved) to their places (a student both changed and gone is
 * gone; the last of one student's changes counts): one pass over the order, so a pulled
 * page costs its own sort plus a merge, not a sort of the whole roster.
 */
export function placeInOrder(order: readonly RosterPlace[], changed: readonly RosterPlace[], gone: Iterable<string>): RosterPlace[] {
  const goneIds = new Set(gone);
  const arriving = [...new Map(changed.map((place) => [place.studentId, place])).values()]
    .filter((place) => !goneIds.has(place.studentId))
    .sort(compareRosterPlaces);
  const moved = new Set(changed.map((place) => place.studentId));
  const kept = order.filter((place) => !goneIds.has(place.studentId) && !moved.has(place.studentId));
  const merged: RosterPlace[] = [];
  let k = 0;
  for (const place of arriving) {
    while (k < kept.length && compareRosterPlaces(kept[k]!, place) < 0) merged.push(kept[k++]!);
    merged.push(place);
  }
  return merged.concat(kept.slice(k));
}
