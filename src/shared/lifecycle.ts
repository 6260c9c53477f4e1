/**
 * Record lifecycle (design section 4):
 * draft -> ready -> confirmed -> queued -> synced, with rejected and conflict beside.
 * Pure transitions, so the store, the sync engine and the tests agree on them.
 */
export const STATUSES = ['draft', 'ready', 'confirmed', 'queued', 'synced', 'rejected', 'conflict'] as const;
export type Status = (typeof STATUSES)[number];

/** Statuses whose record still needs the advisor before it can leave the tablet. */
export const NEEDS_WORK: ReadonlySet<Status> = new Set(['draft', 'rejected', 'conflict']);

/** The status a record takes after an edit: any edit makes a new version that must be confirmed again. */
export function statusAfterEdit(hasErrors: boolean): Status {
  return hasErrors ? 'draft' : 'ready';
}

/** Only a record with no errors can be confirmed; confirmation puts it in the outbox. */
export function canConfirm(status: Status, errorCount: number): boolean {
  return errorCount === 0 && (status === 'ready' || status === 'draft');
}

/**
 * The status after the server answers for one version of a record. An answer for
 * an older version than the one on the tablet changes nothing: the newer edit
 * still has its own way to go.
 */
export function statusAfterAnswer(
  current: { status: Status; version: number },
  answered: { version: number; outcome: 'applied' | 'duplicate' | 'rejected' | 'conflict' },
): Status {
  if (answered.version !== current.version) return current.status;
  switch (answered.outcome) {
    case 'applied':
    case 'duplicate':
      return 'synced';
    case 'rejected':
      return 'rejected';
    case 'conflict':
      return 'conflict';
  }
}
