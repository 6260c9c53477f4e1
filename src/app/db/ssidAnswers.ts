/**
 * The server's answers to SSID updates, on the students' roster rows: no longer
 * pending (unless a newer update for another SSID is queued), and a refusal kept
 * for the advisor. The SSID itself arrives with the next pull, hashed like every
 * roster SSID. The tablet's facts are sealed, so the new ones are worked out and
 * sealed before push's transaction, which writes them only if the rows are unchanged.
 */
import type { Sealed } from '../crypto/seal';
import { openAnyRosterRow, plainLocalFacts, sealRosterLocalFacts, type RosterLocalFacts } from '../crypto/sealed-roster';
import { rowStamp } from './records';
import type { LocalRosterEntry, MesaDb, OutboxRow } from './schema';
import { isSsidUpdate, type PushResponse } from '../../shared/protocol';

/** The roster rows an answer touches: each row's stamp when read, and its new sealed facts. */
export interface SsidAnswerPlan {
  stamps: Map<string, string | null>;
  facts: Map<string, Sealed>;
}

/** Works out and seals each answered student's facts after `response`. */
export async function planSsidAnswers(db: MesaDb, key: CryptoKey, sent: readonly OutboxRow[], response: PushResponse): Promise<SsidAnswerPlan> {
  const byId = new Map(sent.map((row) => [row.mutationId, row]));
  const plan: SsidAnswerPlan = { stamps: new Map(), facts: new Map() };
  const entries = new Map<string, { entry: LocalRosterEntry; facts: RosterLocalFacts }>();
  for (const result of response.results) {
    const row = byId.get(result.mutationId);
    if (!row || row.recordId !== result.recordId || !isSsidUpdate(row.mutation)) continue;
    const { studentId, ssid } = row.mutation;
    if (!plan.stamps.has(studentId)) {
      const stored = await db.roster.get(studentId);
      plan.stamps.set(studentId, rowStamp(stored));
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
  for (const [studentId, { facts }] of entries) plan.facts.set(studentId, await sealRosterLocalFacts(key, studentId, facts));
  return plan;
}

/** Inside push's transaction: true when every planned row is as it was read. */
export async function ssidAnswerRowsUnchanged(db: MesaDb, plan: SsidAnswerPlan): Promise<boolean> {
  for (const [studentId, stamp] of plan.stamps) {
    if (rowStamp(await db.roster.get(studentId)) !== stamp) return false;
  }
  return true;
}

/** Inside push's transaction: writes the planned facts. */
export async function writeSsidAnswers(db: MesaDb, plan: SsidAnswerPlan): Promise<void> {
  for (const [studentId, local] of plan.facts) await db.roster.update(studentId, { local });
}
