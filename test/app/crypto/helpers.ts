/** Shared fixtures for the crypto tests: a low work factor and realistic records. */
import { blankFields } from '../../../src/shared/application';
import { uuidv7 } from '../../../src/shared/ids';
import type { LocalApplication, OutboxRow } from '../../../src/app/db/schema';

/** Tests pass this explicitly so they stay fast; production code never defaults to it. */
export const TEST_ITERATIONS = 1_000;

export const PASSPHRASE = 'correct horse battery staple';

/** A fresh random AES-GCM key, standing in for an unlocked vault's data key. */
export function randomKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** An application as the tablet holds it, with pupil data in its fields. */
export function application(overrides: Partial<LocalApplication> = {}): LocalApplication {
  const now = 1_760_000_000_000;
  return {
    id: uuidv7(now),
    studentId: uuidv7(now),
    batchId: null,
    status: 'draft',
    version: 1,
    serverVersion: null,
    schoolId: 'school-1',
    createdAt: now,
    updatedAt: now,
    confirmedAt: null,
    fields: blankFields({
      firstName: 'Ana',
      lastName: 'Reyes',
      dateOfBirth: '2011-04-02',
      ssid: '1234567890',
      schoolId: 'school-1',
      grade: '8',
      programYear: '2025-26',
    }),
    ssidRekey: '1234567890',
    serverReason: null,
    sendToReview: false,
    ...overrides,
  };
}

/** The outbox row that queues `app` at its current version. */
export function outboxRow(app: LocalApplication, mutationId: number): OutboxRow {
  return {
    mutationId,
    recordId: app.id,
    version: app.version,
    createdAt: app.updatedAt,
    attempts: 0,
    mutation: {
      mutationId,
      recordId: app.id,
      studentId: app.studentId,
      version: app.version,
      baseServerVersion: app.serverVersion,
      application: { ...app.fields, dateOfBirth: '2011-04-02', grade: '8', programYear: '2025-26', ssidSource: '', dateOfBirthChecked: '' },
      ssidSource: null,
      confirmedAt: new Date(app.updatedAt).toISOString(),
    },
  };
}
