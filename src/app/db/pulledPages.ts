/**
 * The center's schools and roster as pulled: each page is stored in one
 * transaction together with its checkpoint, so an interrupted pull resumes
 * after the last whole page (sync/pull.ts fetches the pages).
 */
import type { MesaDb } from './schema';
import type { PullResponse, RosterEntry } from '../../shared/protocol';
import type { Sealed } from '../crypto/seal';
import { isSealedRosterRow, plainLocalFacts, rosterLocalBlob, sealRosterEntry, sealRosterLocalFacts } from '../crypto/sealed-roster';
import { recordIndex } from './records';
import { sealSsidKey, writePulledFacts } from './meta';

/**
 * Stores one page. Soft-deleted schools are kept with their flag, because
 * records already typed may name them; soft-deleted students leave the roster,
 * since the roster only serves duplicate and SSID checks. Entries and the SSID
 * hash key are sealed before the transaction (WebCrypto would end it); each
 * entry keeps the tablet's own sealed facts (a queued SSID update, its refusal)
 * as they are in the row when the transaction writes it. VaultLockedError while locked.
 */
export async function applyPullPage(db: MesaDb, page: PullResponse): Promise<void> {
  const key = recordIndex(db).key();
  const live = page.roster.filter((entry) => !entry.deleted);
  const [sealed, ssidKey, fromPlain] = await Promise.all([
    Promise.all(live.map((entry) => sealRosterEntry(key, entry))),
    sealSsidKey(key, page.ssidKey),
    sealPlainLocalFacts(db, key, live),
  ]);
  await db.transaction('rw', [db.schools, db.roster, db.meta], async () => {
    await db.schools.bulkPut(page.schools);
    const gone = page.roster.filter((entry) => entry.deleted).map((entry) => entry.studentId);
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
  });
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
