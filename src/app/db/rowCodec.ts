/**
 * How application and outbox rows are written to and read from IndexedDB:
 * `plainRows` for the schema as it is today, `sealedRows(key)` once encryption
 * at rest is on. Reads validate with zod (a row may come from an older version
 * of the app), and `sealedRows` also reads rows still plain, so the app works
 * before sealPlainRows() has finished.
 */
import type { LocalApplication, OutboxRecordRow, OutboxRow } from './schema';
import { openOutbox, sealOutbox } from './outbox';
import { readableRow } from './setAside';
import { localApplicationSchema, outboxRowSchema } from '../crypto/row-schemas';
import { isSealedRow, openApplication, sealApplication, type StoredApplication } from '../crypto/sealed-fields';

/** Turns rows to and from their stored form. */
export interface RowCodec {
  readApplication(row: object): Promise<LocalApplication>;
  writeApplication(app: LocalApplication): Promise<object>;
  readOutbox(row: object): Promise<OutboxRow>;
  writeOutbox(row: OutboxRow): Promise<object>;
  /** What can be read of a row that fails its schema, its sealed part opened under `context` when it opens. */
  readable(row: object, context: string): Promise<Record<string, unknown>>;
}

/** Rows stored as they are (the schema before encryption at rest). */
export const plainRows: RowCodec = {
  readApplication: async (row) => localApplicationSchema.parse(row),
  writeApplication: async (app) => app,
  readOutbox: async (row) => outboxRowSchema.parse(row),
  writeOutbox: async (row) => row,
  readable: async (row) => ({ ...row }),
};

/** Rows stored sealed under the vault's data key. */
export function sealedRows(key: CryptoKey): RowCodec {
  return {
    readApplication: async (row) =>
      localApplicationSchema.parse(isSealedRow(row) ? await openApplication(key, row as StoredApplication) : row),
    writeApplication: (app) => sealApplication(key, app),
    // The outbox module keeps the base server version plain beside the seal (see db/outbox.ts).
    readOutbox: (row) => openOutbox(key, row as OutboxRecordRow),
    writeOutbox: (row) => sealOutbox(key, row),
    readable: (row, context) => readableRow(key, row, context),
  };
}
