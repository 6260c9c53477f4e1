/**
 * Shared test data for the sync tests: a fresh fake-indexeddb database per test
 * and queued records written the way confirmation writes them (record and
 * outbox row in one transaction, ids from the device counter).
 */
import 'fake-indexeddb/auto';
import { MesaDb, type LocalApplication, type OutboxRecordRow, type OutboxRow } from '../../../src/app/db/schema';
import { openOutbox, sealForOutbox, type SealedMutation } from '../../../src/app/db/outbox';
import { takeMutationId } from '../../../src/app/db/meta';
import { recordIndex } from '../../../src/app/db/records';
import { sealApplication } from '../../../src/app/crypto/sealed-fields';
import { unlockDb } from '../harness';
import { blankFields, confirmedApplicationSchema, type ApplicationFields } from '../../../src/shared/application';
import { uuidv7 } from '../../../src/shared/ids';
import type { PullResponse, RosterEntry, School } from '../../../src/shared/protocol';
import { NO_VERIFICATION_POLICY } from '../../../src/shared/verification-policy';

let dbCounter = 0;

/** A new, empty database with a name no other test uses. */
export async function freshDb(): Promise<MesaDb> {
  dbCounter += 1;
  const db = new MesaDb(`sync-test-${process.pid}-${dbCounter}-${uuidv7()}`);
  await db.open();
  await unlockDb(db);
  return db;
}

/** Fields of a complete application, different for each `n`. */
export function completeFields(n: number, schoolId: string, overrides: Partial<ApplicationFields> = {}): ApplicationFields {
  return blankFields({
    firstName: `Student${n}`,
    lastName: 'Testcase',
    dateOfBirth: '2011-03-04',
    grade: '8',
    schoolId,
    programYear: '2025-26',
    ...overrides,
  });
}

/** Writes a queued record and its outbox row in one transaction; returns both. */
export async function queueRecord(
  db: MesaDb,
  fields: ApplicationFields,
  options: { version?: number; serverVersion?: number | null } = {},
): Promise<{ record: LocalApplication; row: OutboxRow }> {
  const now = Date.now();
  const record: LocalApplication = {
    id: uuidv7(),
    studentId: uuidv7(),
    batchId: null,
    status: 'queued',
    version: options.version ?? 1,
    serverVersion: options.serverVersion ?? null,
    schoolId: fields.schoolId,
    createdAt: now,
    updatedAt: now,
    confirmedAt: now,
    fields,
    ssidRekey: fields.ssid,
    serverReason: null,
    sendToReview: false,
  };
  const key = recordIndex(db).key();
  const sealed = await sealApplication(key, record);
  const queued = await sealVersion(db, record);
  const stored = await db.transaction('rw', db.applications, db.outbox, db.meta, async () => {
    const row = await queueVersion(db, queued);
    await db.applications.put(sealed);
    return row;
  });
  return { record, row: await openOutbox(key, stored) };
}

/** Seals the outbox row for the record's current version; queue it with queueVersion inside a transaction. */
export function sealVersion(db: MesaDb, record: LocalApplication): Promise<SealedMutation> {
  return sealForOutbox(
    recordIndex(db).key(),
    {
      recordId: record.id,
      studentId: record.studentId,
      version: record.version,
      baseServerVersion: record.serverVersion,
      application: confirmedApplicationSchema.parse(record.fields),
      ssidSource: null,
      confirmedAt: new Date(record.confirmedAt ?? Date.now()).toISOString(),
    },
    Date.now(),
  );
}

/** Adds a sealed outbox row with the next mutation id (inside the caller's transaction); returns the stored row. */
export async function queueVersion(db: MesaDb, queued: SealedMutation): Promise<OutboxRecordRow> {
  const row = queued.row(await takeMutationId(db));
  await db.outbox.add(row);
  return row;
}

/** A school as the server sends it. */
export function school(id: string, deleted = false): School {
  return { id, centerId: 'center-1', name: `School ${id}`, cdsCode: '19647331930924', city: 'Los Angeles', deleted };
}

/** A roster entry as the server sends it. */
export function rosterEntry(studentId: string, deleted = false): RosterEntry {
  return {
    studentId,
    firstName: 'Rostered',
    lastName: 'Student',
    dateOfBirth: '2010-01-01',
    grade: '9',
    schoolId: 's1',
    schoolStudentId: '',
    ssidHash: null,
    ssidLast4: null,
    ssidSource: null,
    deleted,
  };
}

/** A pull page. */
export function pullPage(checkpoint: string, more: boolean, schools: School[], roster: RosterEntry[]): PullResponse {
  return { checkpoint, more, center: { id: 'center-1', name: 'Test Center', verification: NO_VERIFICATION_POLICY }, ssidKey: 'ab'.repeat(32), schools, roster, advisors: [], verifiedElsewhere: [] };
}
