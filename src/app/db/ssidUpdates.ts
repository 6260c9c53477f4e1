/**
 * Queues SSID updates for known students (design section 9): each update
 * becomes an `ssid_update` outbox row, a record of its own with a new UUIDv7,
 * so a retried push never applies it twice. The student's roster row is marked
 * pending in the same strict transaction, so the screens can say "sent" only
 * once both are on disk. The mutation is sealed like every outbox row (an SSID
 * is pupil data); the roster keeps only its last four digits, sealed too. The server decides
 * whether the SSID may be set.
 */
import { z } from 'zod/mini';
import type { SsidSource } from '../../shared/application';
import { uuidv7 } from '../../shared/ids';
import { ssidUpdateMutationSchema } from '../../shared/protocol';
import { normalizeSsid } from '../../shared/ssid';
import type { Store } from './connection';
import { queueMutation, sealForOutbox } from './outbox';
import { sealRosterLocalFacts } from '../crypto/sealed-roster';
import { recordIndex } from './records';
import { rethrowStorageError } from './storageErrors';

/** One SSID to set on one student. */
export interface SsidUpdateRequest {
  studentId: string;
  ssid: string;
  source: SsidSource;
  /** Last four digits of the SSID the student has now, when the advisor decided the new one replaces it. */
  replaces?: string;
}

/** An update that cannot be queued (nothing of the call was queued). */
export class InvalidSsidUpdateError extends Error {
  constructor(
    /** Position of the offending update in the call. */
    readonly index: number,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidSsidUpdateError';
  }
}

const updateBodySchema = z.omit(ssidUpdateMutationSchema, { mutationId: true });

/**
 * Queues `updates` in ONE strict transaction: one outbox row per update and the
 * roster entry's sealed facts set to `pendingSsidLast4`/`pendingSince` (a refusal
 * kept from an earlier update is cleared). All or nothing: an invalid update throws
 * InvalidSsidUpdateError before anything is written, and VaultLockedError
 * while the app is locked.
 */
export async function queueSsidUpdates(
  store: Store,
  updates: readonly SsidUpdateRequest[],
  now: number = Date.now(),
): Promise<{ queued: number }> {
  const confirmedAt = new Date(now).toISOString();
  const bodies = updates.map((update, index) => {
    const parsed = updateBodySchema.safeParse({
      kind: 'ssid_update',
      recordId: uuidv7(now),
      studentId: update.studentId,
      version: 1,
      ssid: normalizeSsid(update.ssid),
      source: update.source,
      confirmedAt,
      ...(update.replaces === undefined ? {} : { replaces: update.replaces }),
    });
    if (!parsed.success) throw new InvalidSsidUpdateError(index, parsed.error.issues[0]?.message ?? 'Not a valid SSID update.');
    return parsed.data;
  });
  if (bodies.length === 0) return { queued: 0 };

  const db = store.strictDb;
  const key = recordIndex(db).key();
  // Sealed before the transaction: WebCrypto would end it.
  const sealed = await Promise.all(bodies.map((body) => sealForOutbox(key, body, now)));
  // The roster row's own facts are replaced, not merged: the new update is pending and an old refusal goes.
  const facts = await Promise.all(
    bodies.map((body) => sealRosterLocalFacts(key, body.studentId, { pendingSsidLast4: body.ssid.slice(-4), pendingSince: now })),
  );
  try {
    await db.transaction('rw', db.outbox, db.meta, db.roster, async () => {
      for (const [i, body] of bodies.entries()) {
        await queueMutation(db, sealed[i]!);
        await db.roster.update(body.studentId, { local: facts[i]! });
      }
    });
  } catch (error) {
    rethrowStorageError(error);
  }
  return { queued: bodies.length };
}
