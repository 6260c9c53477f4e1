/**
 * The application kind on the tablet: one confirmed version of a paper
 * application. Its base server version stays plain beside the seal, so that
 * push rebases later queued versions on what the server made of an applied one;
 * an answer moves the record through statusAfterAnswer and keeps the server's
 * reason. A backup carries it with its record, and an import queues only
 * versions newer than the tablet's. Queued by db/applications.ts (the mutation is made in db/mutations.ts).
 */
import { statusAfterAnswer } from '../../../shared/lifecycle';
import type { MutationResult } from '../../../shared/protocol';
import { sealApplication } from '../../crypto/sealed-fields';
import { recordIndex, rowStamp } from '../records';
import type { ApplicationRow, LocalApplication, MesaDb, OutboxRow } from '../schema';
import type { Answer, AnswerPlan, TabletKind } from './handler';

/** The record's new state after an answer, or null when nothing changes. */
function recordAfterAnswer(record: LocalApplication, row: OutboxRow, result: MutationResult): Partial<LocalApplication> | null {
  const changes: Partial<LocalApplication> = {};
  const status = statusAfterAnswer(record, { version: row.version, outcome: result.status });
  if (status !== record.status) changes.status = status;
  // The server's version is a fact about the server whichever local version it
  // answers for; it only ever grows. A stale-version conflict reports it too, so
  // the advisor's next confirmed version is based on what the server now holds.
  const serverVersion = 'serverVersion' in result ? result.serverVersion : undefined;
  if (serverVersion !== undefined && serverVersion > (record.serverVersion ?? 0)) {
    changes.serverVersion = serverVersion;
  }
  if (row.version === record.version) {
    if (result.status === 'rejected' || result.status === 'conflict') changes.serverReason = result.reason;
    else if (record.serverReason !== null) changes.serverReason = null;
  }
  return Object.keys(changes).length > 0 ? changes : null;
}

/** Each sent record's state after the answers, planned from a snapshot and sealed where its sealed part changes. */
class RecordsPlan implements AnswerPlan {
  private readonly stamps = new Map<string, string | null>();
  private readonly after = new Map<string, { stored: ApplicationRow; before: LocalApplication; next: LocalApplication; sealed: ApplicationRow | null }>();

  constructor(private readonly answers: readonly Answer<'application'>[]) {}

  async read(db: MesaDb, key: CryptoKey, sent: readonly OutboxRow[]): Promise<this> {
    const index = recordIndex(db);
    const ids = [...new Set(sent.map((row) => row.recordId))];
    const rows = await db.applications.bulkGet(ids);
    const apps = await Promise.all(rows.map((row) => (row ? index.open(row) : undefined)));
    for (const [i, row] of rows.entries()) {
      this.stamps.set(ids[i]!, rowStamp(row));
      const app = apps[i];
      if (row && app) this.after.set(app.id, { stored: row, before: app, next: app, sealed: null });
    }
    for (const { row, result } of this.answers) {
      const entry = this.after.get(row.recordId);
      if (!entry) continue;
      const changes = recordAfterAnswer(entry.next, row, result);
      if (changes) entry.next = { ...entry.next, ...changes };
    }
    // The server reason is sealed, and WebCrypto cannot run in the transaction that writes it.
    const resealed = [...this.after.values()].filter((entry) => JSON.stringify(entry.next.serverReason) !== JSON.stringify(entry.before.serverReason));
    await Promise.all(resealed.map(async (entry) => {
      entry.sealed = await sealApplication(key, entry.next);
    }));
    return this;
  }

  async unchanged(db: MesaDb): Promise<boolean> {
    const ids = [...this.stamps.keys()];
    const rows = await db.applications.bulkGet(ids);
    return rows.every((row, i) => rowStamp(row) === this.stamps.get(ids[i]!));
  }

  /**
   * One bulkPut of whole rows: unchanged() found every row as it was read, so the
   * stored row with the plain columns changed is what an update would write,
   * without reading the rows a third time.
   */
  async write(db: MesaDb): Promise<void> {
    const written = [...this.after.values()].flatMap(({ stored, before, next, sealed }): ApplicationRow[] => {
      if (sealed) return [sealed];
      if (next.status === before.status && next.serverVersion === before.serverVersion) return [];
      return [{ ...stored, status: next.status, serverVersion: next.serverVersion }];
    });
    await db.applications.bulkPut(written);
  }

  committed(db: MesaDb): void {
    const index = recordIndex(db);
    for (const entry of this.after.values()) if (entry.sealed) index.remember(entry.sealed, entry.next);
  }
}

/** The application kind's handler (registry.ts). */
export const applicationKind: TabletKind<'application'> = {
  base: (mutation) => mutation.baseServerVersion,
  rebased: (mutation, base) => ({ ...mutation, baseServerVersion: base }),
  answerTables: ['applications'],
  planAnswers: (db, key, sent, answers) => new RecordsPlan(answers).read(db, key, sent),
  // Versions the tablet holds already are queued here or were acknowledged.
  importsRow: (row, state) => {
    const above = state.queueAbove(row.recordId);
    return above !== undefined && row.version > above;
  },
  needsRecordInFile: true,
};
