/**
 * The center's schools and roster as pulled: each page is stored in one
 * transaction together with its checkpoint, so an interrupted pull resumes
 * after the last whole page (sync/pull.ts fetches the pages).
 */
import type { MesaDb } from './schema';
import type { PullResponse, RosterEntry } from '../../shared/protocol';
import type { Sealed } from '../crypto/seal';
import { isSealedRosterRow, plainLocalFacts, rosterLocalBlob, sealRosterEntry, sealRosterLocalFacts } from '../crypto/sealed-roster';
import { compareRosterPlaces, placeInOrder } from '../../shared/roster-order';
import { recordIndex } from './records';
import { sealSsidKey, writePulledFacts, writeRosterOrder, type SealedRosterOrder } from './meta';
import { readRoster } from './roster';
import { readRosterOrder, sealRosterOrder, writeRosterOrderIfUnchanged } from './rosterOrder';
import { prepareVerifiedElsewhere, writeVerifiedElsewhere } from './verifiedElsewhere';

/**
 * Stores one page. Soft-deleted schools are kept with their flag, because
 * records already typed may name them; soft-deleted students leave the roster,
 * since the roster only serves duplicate and SSID checks. Entries and the SSID
 * hash key are sealed before the transaction (WebCrypto would end it); each
 * entry keeps the tablet's own sealed facts (a queued SSID update, its refusal)
 * as they are in the row when the transaction writes it. The roster's order
 * (db/rosterOrder.ts) is placed and sealed before it too, and written with the
 * page, or forgotten if another tab wrote it meanwhile. This tablet's sheets
 * verified on another tablet are written in the same transaction
 * (db/verifiedElsewhere.ts). VaultLockedError while locked.
 */
export async function applyPullPage(db: MesaDb, page: PullResponse, now: number = Date.now()): Promise<void> {
  const index = recordIndex(db);
  const key = index.key();
  const live = page.roster.filter((entry) => !entry.deleted);
  const gone = page.roster.filter((entry) => entry.deleted).map((entry) => entry.studentId);
  const [sealed, ssidKey, fromPlain, order, verified] = await Promise.all([
    Promise.all(live.map((entry) => sealRosterEntry(key, entry))),
    sealSsidKey(key, page.ssidKey),
    sealPlainLocalFacts(db, key, live),
    orderAfter(db, key, live, gone),
    prepareVerifiedElsewhere(db, key, page.verifiedElsewhere, now),
  ]);
  await db.transaction('rw', [db.schools, db.roster, db.meta, db.applications, db.outbox], async () => {
    await writeVerifiedElsewhere(db, verified);
    await db.schools.bulkPut(page.schools);
    await db.roster.bulkDelete(gone);
    const held = await db.roster.bulkGet(sealed.map((row) => row.studentId));
    await db.roster.bulkPut(
      sealed.map((row, i) => {
        const now = held[i];
        const local = (now && rosterLocalBlob(now)) ?? fromPlain.get(row.studentId);
        return local ? { ...row, local } : row;
      }),
    );
    await writePulledFacts(db, { checkpoint: page.checkpoint, ssidKey, center: page.center, advisors: page.advisors });
    // Another tab wrote the order since it was read: neither write saw the other, so neither stands.
    if (!(await writeRosterOrderIfUnchanged(db, order.seen, order.next))) await writeRosterOrder(db, null);
  });
  // The cache is keyed by each seal's iv, so remembering a version the transaction left unwritten is harmless.
  for (const item of verified) index.remember(item.sealed, item.record);
}

/** The roster's order once the page is stored, sealed, and which stored order (`seen`) it was placed into. */
async function orderAfter(db: MesaDb, key: CryptoKey, live: RosterEntry[], gone: string[]): Promise<{ seen: string | null; next: SealedRosterOrder }> {
  const { order, seen } = await readRosterOrder(db);
  // No order yet: an empty roster starts one; a roster stored by a version without it is read whole, once.
  const base = order ?? ((await db.roster.count()) === 0 ? [] : (await readRoster(db)).sort(compareRosterPlaces));
  return { seen, next: await sealRosterOrder(key, placeInOrder(base, live, gone)) };
}

/** The local facts of rows still plain (from before the roster was sealed), sealed to carry over. */
async function sealPlainLocalFacts(db: MesaDb, key: CryptoKey, entries: RosterEntry[]): Promise<Map<string, Sealed>> {
  const held = await db.roster.bulkGet(entries.map((entry) => entry.studentId));
  const sealed = new Map<string, Sealed>();
  for (const row of held) {
    if (!row || isSealedRosterRow(row) || rosterLocalBlob(row)) continue;
    const facts = plainLocalFacts(row);
    if (Object.keys(facts).length > 0) sealed.set(row.studentId, await sealRosterLocalFacts(key, row.studentId, facts));
  }
  return sealed;
}
