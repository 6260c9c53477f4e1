/**
 * The outbox's side of confirmation: mutation ids come from a per-device counter
 * in meta, taken inside the caller's transaction so that a confirmed record and
 * its outbox row can never disagree.
 */
import { z } from 'zod';
import type { MesaDb, OutboxRow } from './schema';
import { mutationSchema, type Mutation } from '../../shared/protocol';

export const NEXT_MUTATION_ID = 'nextMutationId';

/** Takes the next mutation id; call inside a rw transaction over `meta`. */
export async function takeMutationId(db: MesaDb): Promise<number> {
  const row = await db.meta.get(NEXT_MUTATION_ID);
  const parsed = z.number().int().positive().safeParse(row?.value);
  const id = parsed.success ? parsed.data : 1;
  await db.meta.put({ key: NEXT_MUTATION_ID, value: id + 1 });
  return id;
}

/** Adds a validated mutation to the outbox; call inside a rw transaction over `outbox`. */
export async function enqueueMutation(db: MesaDb, mutation: Mutation, now: number): Promise<OutboxRow> {
  const row: OutboxRow = {
    mutationId: mutation.mutationId,
    recordId: mutation.recordId,
    version: mutation.version,
    mutation: mutationSchema.parse(mutation),
    createdAt: now,
    attempts: 0,
  };
  await db.outbox.add(row);
  return row;
}
