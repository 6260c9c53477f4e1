/**
 * What the entry form opens on: a record already in the store (with its batch,
 * when it has one), or a blank sheet carrying a batch's defaults.
 */
import { getApplication, newDraft, type DraftInput } from '../../db/applications';
import { getBatch } from '../../db/batches';
import { readCenterVerification } from '../../db/meta';
import { screenFirst } from '../../db/screenFirst';
import { readAhead, takeReadAhead } from '../../services/readAhead';
import { batchVerifies } from '../../../shared/verification-policy';
import type { LocalApplication, LocalBatch, MesaDb } from '../../db/schema';

/** Which record to edit: an existing one, or a new one in a batch. */
export type EditorTarget = { recordId: string } | { batchId: string };

/** A form ready to edit, or nothing to open because the record or the batch is not on this tablet. */
export type LoadedEditor = { missing: true } | {
  draft: DraftInput;
  batch: LocalBatch | null;
  stored: LocalApplication | null;
  /** A second keyer verifies the sheet before it is confirmed (its batch's switch or the center's requirement). */
  verifies: boolean;
};

/**
 * Reads the record (when recordId is given) or starts a blank sheet for the batch.
 * The center's verification policy is read beside the record or batch, not after
 * it: each read is a round trip on the way from the passphrase to the form. Whole-table
 * work started beside it (the header's "need fixing" count) waits for it (db/screenFirst.ts).
 */
export function loadEditorTarget(db: MesaDb, recordId: string | null, batchId: string | null): Promise<LoadedEditor> {
  return screenFirst(() => readEditorTarget(db, recordId, batchId));
}

/** The target as the record's id or the batch's id, the other null. */
export function targetIds(target: EditorTarget): { recordId: string | null; batchId: string | null } {
  return 'recordId' in target ? { recordId: target.recordId, batchId: null } : { recordId: null, batchId: target.batchId };
}

const aheadKey = ({ recordId, batchId }: ReturnType<typeof targetIds>) => `editor/${recordId ?? ''}/${batchId ?? ''}`;

/** The editor's first read, made before its screen is drawn (services/readAhead.ts: right after the unlock). */
export function readEditorTargetAhead(db: MesaDb, target: EditorTarget): Promise<void> {
  const ids = targetIds(target);
  return readAhead(aheadKey(ids), () => loadEditorTarget(db, ids.recordId, ids.batchId));
}

/** What readEditorTargetAhead read for this target, once; null when nothing was read ahead. */
export function takeEditorTargetReadAhead(target: EditorTarget): LoadedEditor | null {
  return takeReadAhead<LoadedEditor>(aheadKey(targetIds(target)))?.value ?? null;
}

async function readEditorTarget(db: MesaDb, recordId: string | null, batchId: string | null): Promise<LoadedEditor> {
  if (recordId !== null) {
    const [record, center] = await Promise.all([getApplication(db, recordId), readCenterVerification(db)]);
    if (!record) return { missing: true };
    const owner = record.batchId ? ((await getBatch(db, record.batchId)) ?? null) : null;
    const { id, studentId, createdAt, fields, ssidRekey, ssidChecked } = record;
    return { draft: { id, studentId, batchId: record.batchId, createdAt, fields, ssidRekey, ssidChecked }, batch: owner, stored: record, verifies: batchVerifies(center.policy, owner?.verify) };
  }
  const [owner, center] = await Promise.all([batchId ? getBatch(db, batchId) : undefined, readCenterVerification(db)]);
  if (!owner) return { missing: true };
  return { draft: newDraft(owner), batch: owner, stored: null, verifies: batchVerifies(center.policy, owner.verify) };
}
