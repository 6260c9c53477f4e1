/**
 * Which records of a backup file an import writes: a pure function, so "import
 * twice = import once" and "never lowers a version" are proven by properties.
 *
 * The rule, per record in the file, against what this tablet holds:
 * - not on the tablet: add it as it is (status kept), with its outbox rows;
 * - on the tablet at the same or a newer version (including a synced one):
 *   skip it, since the tablet's copy is as new or newer;
 * - on the tablet at an older version: take the file's version, and queue its
 *   outbox rows for versions newer than the tablet's (older ones are already
 *   queued here or were acknowledged).
 * A queued SSID update (from a school's return) has no application: it is
 * queued unless this tablet already queues an update with the same record id,
 * so importing twice queues it once (and one that already synced is an
 * idempotent no-op on the server when sent again).
 * Outbox rows get fresh mutation ids from this tablet's counter, in the order
 * they had in the file, because the server orders a device's mutations by id.
 */
import type { Status } from '../../shared/lifecycle';
import type { LocalApplication, OutboxRow } from '../db/schema';
import type { BackupContents } from './envelope';
import { isSsidUpdate } from '../../shared/protocol';

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
  const rows = [...backup.outbox].sort((a, b) => a.mutationId - b.mutationId);
  for (const row of rows) {
    if (isSsidUpdate(row.mutation)) {
      if (queuedHere.has(row.recordId)) continue;
    } else {
      const above = queueAbove.get(row.recordId);
      if (above === undefined || row.version <= above) continue;
    }
    const mutationId = plan.nextMutationId++;
    plan.outbox.push({ ...row, mutationId, attempts: 0, mutation: { ...row.mutation, mutationId } });
  }
  return plan;
}
