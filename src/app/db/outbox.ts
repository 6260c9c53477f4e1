/**
 * The outbox's side of confirmation: mutation ids come from a per-device counter
 * in meta, taken inside the caller's transaction so that a confirmed record and
 * its outbox row can never disagree.
 *
 * Rows are stored sealed (the mutation carries the whole application). Sealing
 * runs before the transaction (WebCrypto would end it) and is bound to record
 * and version, so the row is completed with its mutation id inside it. The base
 * server version stays plain beside the seal so push can rebase later versions
 * inside its own transaction.
 */
import type { MesaDb, OutboxRecordRow, OutboxRow } from './schema';
import type { MutationBody } from '../../shared/protocol';
import { isSealedRow, openOutboxRow, sealMutation, type StoredOutboxRow } from '../crypto/sealed-fields';
import { outboxRowSchema } from '../crypto/row-schemas';
import type { Sealed } from '../crypto/seal';
import { takeMutationId } from './meta';
import { tabletKind } from './kinds/registry';

/** A mutation sealed ahead of its transaction; `row(id)` completes the stored row. */
export interface SealedMutation {
  recordId: string;
  version: number;
  row(mutationId: number): OutboxRecordRow;
}

/** The base server version its kind keeps plain beside the seal, if it has one. */
function plainBase(mutation: MutationBody): { baseServerVersion?: number | null } {
  const base = tabletKind(mutation).base(mutation);
  return base === undefined ? {} : { baseServerVersion: base };
}

/** Seals `mutation` for the outbox; call before opening the transaction that queues it. */
export async function sealForOutbox(key: CryptoKey, mutation: MutationBody, now: number): Promise<SealedMutation> {
  const sealed: Sealed = await sealMutation(key, mutation);
  const base = plainBase(mutation);
  return {
    recordId: mutation.recordId,
    version: mutation.version,
    row: (mutationId) => ({ mutationId, recordId: mutation.recordId, version: mutation.version, createdAt: now, attempts: 0, sealed, ...base }),
  };
}

/**
 * Queues a sealed mutation under the next mutation id: the one way a row enters
 * the outbox. Call inside a rw transaction over `outbox` and `meta`, together
 * with the write of the record it belongs to.
 */
export async function queueMutation(db: MesaDb, sealed: SealedMutation): Promise<number> {
  const mutationId = await takeMutationId(db);
  await db.outbox.add(sealed.row(mutationId));
  return mutationId;
}

/** The stored form of a whole outbox row (backup import, lazy sealing of plain rows). */
export async function sealOutbox(key: CryptoKey, row: OutboxRow): Promise<OutboxRecordRow> {
  const sealed = await sealMutation(key, row.mutation);
  return { mutationId: row.mutationId, recordId: row.recordId, version: row.version, createdAt: row.createdAt, attempts: row.attempts, sealed, ...plainBase(row.mutation) };
}

/** The OutboxRow inside a stored row (sealed or still plain), with the plain base server version applied. */
export async function openOutbox(key: CryptoKey, row: OutboxRecordRow): Promise<OutboxRow> {
  if (!isSealedRow(row)) return outboxRowSchema.parse(row);
  const opened = await openOutboxRow(key, row as StoredOutboxRow);
  const { mutation } = opened;
  if ('baseServerVersion' in row && row.baseServerVersion !== undefined) {
    return outboxRowSchema.parse({ ...opened, mutation: tabletKind(mutation).rebased(mutation, row.baseServerVersion) });
  }
  return outboxRowSchema.parse(opened);
}

/** The base server version a queued row is built on, read from plain columns; undefined when unknown. */
export function queuedBase(row: OutboxRecordRow): number | null | undefined {
  if (!isSealedRow(row)) {
    const { mutation } = row as OutboxRow;
    return tabletKind(mutation).base(mutation);
  }
  return 'baseServerVersion' in row ? row.baseServerVersion : undefined;
}

/** Sets the base server version of a queued row inside a transaction's modify(). */
export function rebaseQueued(row: OutboxRecordRow, base: number): void {
  if (isSealedRow(row)) {
    (row as StoredOutboxRow & { baseServerVersion?: number | null }).baseServerVersion = base;
    return;
  }
  const plain = row as OutboxRow;
  plain.mutation = tabletKind(plain.mutation).rebased(plain.mutation, base);
}

/** Up to `limit` stored rows after mutation id `after`, in send order. */
export function readOutboxAfter(db: MesaDb, after: number, limit: number): Promise<OutboxRecordRow[]> {
  return db.outbox.where('mutationId').above(after).limit(limit).toArray();
}

/** How many rows wait after mutation id `after`. */
export function countOutboxAfter(db: MesaDb, after: number): Promise<number> {
  return db.outbox.where('mutationId').above(after).count();
}

/** Counts a send that got no answer on each of its rows (shown as "tried n times"). */
export async function countFailedAttempt(db: MesaDb, ids: number[]): Promise<void> {
  await db.outbox.where('mutationId').anyOf(ids).modify((row) => {
    row.attempts += 1;
  });
}
