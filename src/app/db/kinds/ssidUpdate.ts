/**
 * The SSID update kind on the tablet: an SSID to set on a known student, a
 * record of its own (queued by db/ssidUpdates.ts). It has no base server
 * version. Its answer goes to the student's roster row: no longer pending
 * (unless a newer update for another SSID is queued), and a refusal kept for
 * the advisor; the SSID itself arrives with the next pull, hashed like every
 * roster SSID. A backup import queues it unless this tablet queues it already.
 */
import type { Sealed } from '../../crypto/seal';
import { openAnyRosterRow, plainLocalFacts, sealRosterLocalFacts, type RosterLocalFacts } from '../../crypto/sealed-roster';
import { rowStamp } from '../records';
import type { LocalRosterEntry, MesaDb } from '../schema';
import type { Answer, AnswerPlan, TabletKind } from './handler';

/** Each answered student's roster facts after the answers, sealed before push's transaction. */
class RosterPlan implements AnswerPlan {
  private readonly stamps = new Map<string, string | null>();
  private readonly facts = new Map<string, Sealed>();

  async read(db: MesaDb, key: CryptoKey, answers: readonly Answer<'ssid_update'>[]): Promise<this> {
    const entries = new Map<string, { entry: LocalRosterEntry; facts: RosterLocalFacts }>();
    for (const { row, result } of answers) {
      const { studentId, ssid } = row.mutation;
      if (!this.stamps.has(studentId)) {
        const stored = await db.roster.get(studentId);
        this.stamps.set(studentId, rowStamp(stored));
        if (stored) {
          const entry = await openAnyRosterRow(key, stored);
          entries.set(studentId, { entry, facts: plainLocalFacts(entry) });
        }
      }
      const held = entries.get(studentId);
      if (!held) continue;
      const refused = result.status === 'rejected' || result.status === 'conflict';
      const { pendingSsidLast4, pendingSince } = held.facts;
      const stillPending = pendingSsidLast4 !== undefined && pendingSsidLast4 !== ssid.slice(-4);
      held.facts = {
        ...(stillPending ? { pendingSsidLast4, pendingSince } : {}),
        ...(refused ? { ssidUpdateProblem: result.reason, refusedAgainst: held.entry.ssidLast4 } : {}),
      };
    }
    for (const [studentId, { facts }] of entries) this.facts.set(studentId, await sealRosterLocalFacts(key, studentId, facts));
    return this;
  }

  async unchanged(db: MesaDb): Promise<boolean> {
    const ids = [...this.stamps.keys()];
    const rows = await db.roster.bulkGet(ids);
    return rows.every((row, i) => rowStamp(row) === this.stamps.get(ids[i]!));
  }

  async write(db: MesaDb): Promise<void> {
    await db.roster.bulkUpdate([...this.facts].map(([studentId, local]) => ({ key: studentId, changes: { local } })));
  }

  committed(): void {}
}

/** The SSID update kind's handler (registry.ts). */
export const ssidUpdateKind: TabletKind<'ssid_update'> = {
  base: () => undefined,
  rebased: (mutation) => mutation,
  answerTables: ['roster'],
  planAnswers: (db, key, _sent, answers) => new RosterPlan().read(db, key, answers),
  // Importing twice queues it once; one that already synced is a no-op on the server when sent again.
  importsRow: (row, state) => !state.queuedHere.has(row.recordId),
  needsRecordInFile: false,
};
