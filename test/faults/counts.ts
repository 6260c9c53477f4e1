/**
 * The fault suite's ledger: what the tablets confirmed against what the server
 * database holds, counted by record id AND by content, so a record stored twice
 * under two ids is caught as a duplicate as surely as a missing one is caught as lost.
 */
import type { Kysely } from 'kysely';
import type { ConfirmedApplication } from '../../src/shared/application';
import type { Database } from '../../src/server/db/schema';

/** A record as the advisor confirmed it: what the server must hold, once. */
export interface SentRecord {
  id: string;
  application: ConfirmedApplication;
}

/** One scenario's counts. */
export interface Ledger {
  sent: number;
  /** Server rows that are one of the sent records, by id or by content. */
  onServer: number;
  /** Sent records the server does not hold with the content confirmed on the tablet. */
  lost: number;
  /** Server rows beyond one per sent record. */
  duplicated: number;
}

/** Who the record is, for spotting the same paper stored under two ids. */
function contentKey(application: { firstName: string; lastName: string; dateOfBirth: string; ssid: string }): string {
  return [application.firstName, application.lastName, application.dateOfBirth, application.ssid].join('|');
}

/** Compares the confirmed records with the server's enrollments (and their students). */
export async function countLedger(db: Kysely<Database>, sent: readonly SentRecord[]): Promise<Ledger> {
  const rows = await db.selectFrom('enrollments').select(['id', 'application']).execute();
  const server = rows.map((row) => ({ id: row.id, application: JSON.parse(row.application) as ConfirmedApplication }));
  const sentIds = new Set(sent.map((r) => r.id));
  const sentKeys = new Set(sent.map((r) => contentKey(r.application)));
  const ours = server.filter((row) => sentIds.has(row.id) || sentKeys.has(contentKey(row.application)));
  const byId = new Map(ours.map((row) => [row.id, row]));

  let lost = 0;
  for (const record of sent) {
    const stored = byId.get(record.id);
    if (!stored || JSON.stringify(sortKeys(stored.application)) !== JSON.stringify(sortKeys(record.application))) lost++;
  }
  const keys = new Set(ours.map((row) => contentKey(row.application)));
  return { sent: sent.length, onServer: ours.length, lost, duplicated: ours.length - keys.size };
}

function sortKeys(value: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
}

/** Prints the scenario's line, the suite's evidence in the CI log. */
export function printLedger(scenario: string, ledger: Ledger): void {
  console.log(`${scenario}: sent ${ledger.sent}, on server ${ledger.onServer}, lost ${ledger.lost}, duplicated ${ledger.duplicated}`);
}
