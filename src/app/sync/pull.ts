/**
 * Pull: brings the center's schools and student roster up to date, page by page
 * from the stored checkpoint. Each page is applied in one transaction together
 * with its checkpoint, so an interrupted pull resumes after the last whole page.
 */
import type { LocalRosterEntry, MesaDb } from '../db/schema';
import type { PullResponse, RosterEntry } from '../../shared/protocol';
import { ContractError } from './api';
import { META, readCheckpoint } from './meta';

/** What one pull brought. */
export interface PullSummary {
  pages: number;
  schools: number;
  roster: number;
}

/**
 * Stores one page. Soft-deleted schools are kept with their flag, because
 * records already typed may name them; soft-deleted students leave the roster,
 * since the roster only serves duplicate and SSID checks.
 */
export async function applyPullPage(db: MesaDb, page: PullResponse): Promise<void> {
  await db.transaction('rw', [db.schools, db.roster, db.meta], async () => {
    await db.schools.bulkPut(page.schools);
    const gone = page.roster.filter((entry) => entry.deleted).map((entry) => entry.studentId);
    await db.roster.bulkDelete(gone);
    const live = page.roster.filter((entry) => !entry.deleted);
    await db.roster.bulkPut(await keepLocalFacts(db, live));
    await db.meta.bulkPut([
      { key: META.pullCheckpoint, value: page.checkpoint },
      { key: META.ssidKey, value: page.ssidKey },
      { key: META.center, value: page.center },
    ]);
  });
}

/** The pulled entries with what only this tablet knows (a queued SSID update, its refusal) carried over. */
async function keepLocalFacts(db: MesaDb, entries: RosterEntry[]): Promise<LocalRosterEntry[]> {
  const held = await db.roster.bulkGet(entries.map((entry) => entry.studentId));
  return entries.map((entry, i) => {
    const local = held[i];
    if (!local) return entry;
    const { pendingSsidLast4, pendingSince, ssidUpdateProblem } = local;
    return {
      ...entry,
      ...(pendingSsidLast4 === undefined ? {} : { pendingSsidLast4, pendingSince }),
      // A refusal stands only while the student's SSID is what it was refused against.
      ...(ssidUpdateProblem === undefined || local.ssidLast4 !== entry.ssidLast4 ? {} : { ssidUpdateProblem }),
    };
  });
}

/** Pulls until the server says there is no more, starting from the stored checkpoint. */
export async function pullAll(
  db: MesaDb,
  fetchPage: (checkpoint: string | null) => Promise<PullResponse>,
): Promise<PullSummary> {
  const summary: PullSummary = { pages: 0, schools: 0, roster: 0 };
  let checkpoint = await readCheckpoint(db);
  for (;;) {
    const page = await fetchPage(checkpoint);
    await applyPullPage(db, page);
    summary.pages++;
    summary.schools += page.schools.length;
    summary.roster += page.roster.length;
    if (!page.more) return summary;
    // A server that says "more" without moving the checkpoint would keep us here forever.
    if (page.checkpoint === checkpoint) throw new ContractError('Pull: "more" without a new checkpoint.');
    checkpoint = page.checkpoint;
  }
}
