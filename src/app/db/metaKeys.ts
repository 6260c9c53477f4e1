/**
 * The keys of the meta table, apart from meta.ts (which parses every value with
 * zod) so that the first screen's look at storage (startPeek.ts) loads no schema.
 */

/** Every key of the meta table. */
export const META = {
  /** This tablet's id (UUIDv7), made once. */
  deviceId: 'deviceId',
  /** The name the advisor gave this tablet at sign-in, so the center can tell its tablets apart. */
  deviceName: 'deviceName',
  /** The next outbox mutation id: a per-device counter, taken inside the transaction that queues. */
  nextMutationId: 'nextMutationId',
  session: 'session',
  pullCheckpoint: 'pullCheckpoint',
  /** The roster's SSID hash key, sealed. */
  ssidKey: 'ssidKey',
  /** The roster's first screenful in order (student ids and how many there are), sealed: db/rosterOrder.ts. */
  rosterHead: 'rosterHead',
  /** The whole roster's order (ids and names), sealed: db/rosterOrder.ts. */
  rosterOrder: 'rosterOrder',
  center: 'center',
  /** The center's advisors (id and name), for a second keyer to pick themselves. */
  advisors: 'advisors',
  /** Tokens signed out offline, revoked on the server at the next connection. */
  revocations: 'revocations',
  /** The vault's key record (the data key wrapped under the passphrase). */
  vault: 'vault',
  /** The advisor's idle lock delay in minutes. */
  idleMinutes: 'idleMinutes',
  /** The user's other tablets whose unsent records have not arrived, as the sign-in on this empty tablet was told. */
  unsentElsewhere: 'unsentElsewhere',
  /** Backup files restored here (the device that wrote each, and when), named in every unsent report. */
  restoredBackups: 'restoredBackups',
  /** The last unsent report the server took, so an unchanged one is not sent again. */
  lastUnsentReport: 'lastUnsentReport',
  /** The schema version under which a pass of db/sealPlainRows.ts found every row sealed. */
  allSealedAt: 'allSealedAt',
} as const;
