/**
 * Which records of a backup file an import writes: a pure function, so "import
 * twice = import once" and "never lowers a version" are proven by properties.
 *
 * The rule, per record in the file, against what this tablet holds:
 * - not on the tablet: add it as it is (status kept), with its outbox rows;
 * - on the tablet at the same or a newer version (including a synced one):
 *   skip it, since the tablet's copy is as new or newer;
 * - on the tablet at an older version: take the file's version.
 * Which of the file's outbox rows are queued is each kind's rule (db/kinds): an
 * application's versions newer than the tablet's copy of a record it takes (older
 * ones are already queued here or were acknowledged); an SSID update (from a
 * school's return, a record of its own) unless this tablet already queues one
 * with the same record id, so importing twice queues it once.
 * Outbox rows get fresh mutation ids from this tablet's counter, in the order
 * they had in the file, because the server orders a device's mutations by id.
 */
import type { Status } from '../../shared/lifecycle';
import type { LocalApplication, OutboxRow } from '../db/schema';
import type { BackupContents } from './envelope';
import { tabletKind } from '../db/kinds/registry';
import type { ImportState } from '../db/kinds/handler';

/** What the tablet holds for one record id: plain columns, readable while locked. */
export interface LocalRecordState {
  version: number;
  status: Status;
}

export type SkipReason = 'same_or_newer_here';

/** The writes an import makes. */
export interface ImportPlan {
  added: LocalApplication[];
  /** Replace an older copy on this tablet. */
  replaced: LocalApplication[];
  skipped: { id: string; reason: SkipReason }[];
  /** Renumbered from `firstMutationId`, in the file's order. */
  outbox: OutboxRow[];
  /** The tablet's next mutation id after this import. */
  nextMutationId: number;
}

/** Plans the import of `backup` into a tablet holding `local`, whose next mutation id is `nextMutationId` and whose outbox queues `queuedHere` (record ids). */
export function planImport(
  backup: BackupContents,
  local: ReadonlyMap<string, LocalRecordState>,
  nextMutationId: number,
  queuedHere: ReadonlySet<string> = new Set(),
): ImportPlan {
  const plan: ImportPlan = { added: [], replaced: [], skipped: [], outbox: [], nextMutationId };
  /** For each record taken: queue outbox rows above this version. */
  const queueAbove = new Map<string, number>();
  for (const app of backup.applications) {
    const here = local.get(app.id);
    if (here === undefined) {
      plan.added.push(app);
      queueAbove.set(app.id, 0);
    } else if (here.version >= app.version) {
      plan.skipped.push({ id: app.id, reason: 'same_or_newer_here' });
    } else {
      plan.replaced.push(app);
      queueAbove.set(app.id, here.version);
    }
  }
  const state: ImportState = { queueAbove: (recordId) => queueAbove.get(recordId), queuedHere };
  const rows = [...backup.outbox].sort((a, b) => a.mutationId - b.mutationId);
  for (const row of rows) {
    if (!tabletKind(row.mutation).importsRow(row, state)) continue;
    const mutationId = plan.nextMutationId++;
    plan.outbox.push({ ...row, mutationId, attempts: 0, mutation: { ...row.mutation, mutationId } });
  }
  return plan;
}
