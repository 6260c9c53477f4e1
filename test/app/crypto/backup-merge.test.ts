import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planImport, type ImportPlan, type LocalRecordState } from '../../../src/app/backup/merge';
import type { BackupContents } from '../../../src/app/backup/envelope';
import type { LocalApplication, OutboxRow } from '../../../src/app/db/schema';
import { STATUSES, type Status } from '../../../src/shared/lifecycle';
import { application, outboxRow } from './helpers';

const ID = ['0190a000-0000-7000-8000-000000000001', '0190a000-0000-7000-8000-000000000002', '0190a000-0000-7000-8000-000000000003'] as const;

function file(records: { id: string; version: number; status?: Status; queued?: number[] }[]): BackupContents {
  let mutationId = 100;
  const applications: LocalApplication[] = [];
  const outbox: OutboxRow[] = [];
  for (const r of records) {
    const app = application({ id: r.id, version: r.version, status: r.status ?? 'queued' });
    applications.push(app);
    for (const version of r.queued ?? []) outbox.push(outboxRow({ ...app, version }, mutationId++));
  }
  return { applications, outbox };
}

const UPDATE_ID = ['0190a000-0000-7000-8000-0000000000a1', '0190a000-0000-7000-8000-0000000000a2'] as const;

/** A queued SSID update from a school's return: a record of its own, with no application. */
function ssidUpdateRow(recordId: string, mutationId: number): OutboxRow {
  return {
    mutationId, recordId, version: 1, createdAt: 1, attempts: 0,
    mutation: {
      kind: 'ssid_update', mutationId, recordId, studentId: '0190a000-0000-7000-8000-0000000000b1', version: 1,
      ssid: '4821937560', source: 'school_records', confirmedAt: new Date(1).toISOString(),
    },
  };
}

const here = (entries: [string, number, Status][]) =>
  new Map<string, LocalRecordState>(entries.map(([id, version, status]) => [id, { version, status }]));

const summary = (plan: ImportPlan) => ({
  added: plan.added.map((a) => a.id),
  replaced: plan.replaced.map((a) => a.id),
  skipped: plan.skipped.map((s) => s.id),
  outbox: plan.outbox.map((r) => [r.recordId, r.version, r.mutationId]),
  next: plan.nextMutationId,
});

describe('planImport', () => {
  it.each([
    {
      name: 'adds a record the tablet does not have, with its outbox rows renumbered',
      backup: file([{ id: ID[0], version: 2, queued: [1, 2] }]),
      local: here([]),
      expected: { added: [ID[0]], replaced: [], skipped: [], outbox: [[ID[0], 1, 5], [ID[0], 2, 6]], next: 7 },
    },
    {
      name: 'skips a record the tablet holds at the same version',
      backup: file([{ id: ID[0], version: 2, queued: [2] }]),
      local: here([[ID[0], 2, 'queued']]),
      expected: { added: [], replaced: [], skipped: [ID[0]], outbox: [], next: 5 },
    },
    {
      name: 'skips a record the tablet has since synced at that version',
      backup: file([{ id: ID[0], version: 2, queued: [2] }]),
      local: here([[ID[0], 2, 'synced']]),
      expected: { added: [], replaced: [], skipped: [ID[0]], outbox: [], next: 5 },
    },
    {
      name: 'skips a record the tablet holds at a newer version',
      backup: file([{ id: ID[0], version: 2, queued: [2] }]),
      local: here([[ID[0], 3, 'draft']]),
      expected: { added: [], replaced: [], skipped: [ID[0]], outbox: [], next: 5 },
    },
    {
      name: 'takes a newer version, queueing only the versions the tablet has not',
      backup: file([{ id: ID[0], version: 3, queued: [2, 3] }]),
      local: here([[ID[0], 2, 'queued']]),
      expected: { added: [], replaced: [ID[0]], skipped: [], outbox: [[ID[0], 3, 5]], next: 6 },
    },
    {
      name: 'adds a draft as a draft, with nothing queued',
      backup: file([{ id: ID[1], version: 1, status: 'draft' }]),
      local: here([]),
      expected: { added: [ID[1]], replaced: [], skipped: [], outbox: [], next: 5 },
    },
    {
      name: 'keeps the file order of outbox rows across records',
      backup: file([
        { id: ID[0], version: 1, queued: [1] },
        { id: ID[1], version: 1, queued: [1] },
      ]),
      local: here([]),
      expected: { added: [ID[0], ID[1]], replaced: [], skipped: [], outbox: [[ID[0], 1, 5], [ID[1], 1, 6]], next: 7 },
    },
  ])('$name', ({ backup, local, expected }) => {
    expect(summary(planImport(backup, local, 5))).toEqual(expected);
  });

  it('gives each re-added outbox row the same new id inside its mutation, with attempts reset', () => {
    const backup = file([{ id: ID[0], version: 1, queued: [1] }]);
    const [row] = planImport(backup, here([]), 42).outbox;
    expect(row).toMatchObject({ mutationId: 42, attempts: 0, mutation: { mutationId: 42, recordId: ID[0], version: 1 } });
  });
});

/** A tablet as the merge sees it: record states and outbox rows, in id order. */
interface Tablet {
  records: Map<string, LocalRecordState>;
  outbox: { recordId: string; version: number; mutationId: number }[];
  next: number;
}

function applyImport(tablet: Tablet, backup: BackupContents): Tablet {
  const plan = planImport(backup, tablet.records, tablet.next, new Set(tablet.outbox.map((r) => r.recordId)));
  const records = new Map(tablet.records);
  for (const app of [...plan.added, ...plan.replaced]) records.set(app.id, { version: app.version, status: app.status });
  const outbox = [...tablet.outbox, ...plan.outbox.map((r) => ({ recordId: r.recordId, version: r.version, mutationId: r.mutationId }))];
  return { records, outbox, next: plan.nextMutationId };
}

const statusArb = fc.constantFrom(...STATUSES);
const backupArb = fc
  .uniqueArray(
    fc.record({ id: fc.constantFrom(...ID), version: fc.integer({ min: 1, max: 5 }), status: statusArb }),
    { selector: (r) => r.id, maxLength: 3 },
  )
  .chain((records) =>
    fc.tuple(
      fc.constant(records),
      fc.tuple(...records.map((r) => fc.subarray(Array.from({ length: r.version }, (_, i) => i + 1)))),
    ),
  )
  .map(([records, queued]) => file(records.map((r, i) => ({ ...r, queued: queued[i] ?? [] }))))
  .chain((backup) =>
    fc.subarray([...UPDATE_ID]).map((updates) => ({ ...backup, outbox: [...backup.outbox, ...updates.map((id, i) => ssidUpdateRow(id, 200 + i))] })),
  );
const tabletArb = fc
  .uniqueArray(fc.tuple(fc.constantFrom(...ID), fc.integer({ min: 1, max: 5 }), statusArb), { selector: (t) => t[0], maxLength: 3 })
  .chain((entries) =>
    fc.integer({ min: 1, max: 50 }).map((next): Tablet => ({ records: here(entries), outbox: [], next })),
  );

describe('queued SSID updates in a backup', () => {
  it('are queued on a tablet that does not queue them yet, and once only', () => {
    const backup: BackupContents = { applications: [], outbox: [ssidUpdateRow(UPDATE_ID[0], 7)] };
    const first = planImport(backup, here([]), 3);
    expect(first.outbox.map((r) => [r.recordId, r.mutationId])).toEqual([[UPDATE_ID[0], 3]]);
    expect(planImport(backup, here([]), 4, new Set([UPDATE_ID[0]])).outbox).toEqual([]);
  });
});

describe('import properties', () => {
  it('importing any file twice equals importing it once', () => {
    fc.assert(
      fc.property(tabletArb, backupArb, (tablet, backup) => {
        const once = applyImport(tablet, backup);
        expect(applyImport(once, backup)).toEqual(once);
      }),
    );
  });

  it('never lowers a record version, and leaves every file record at least at its file version', () => {
    fc.assert(
      fc.property(tabletArb, backupArb, (tablet, backup) => {
        const after = applyImport(tablet, backup);
        for (const [id, state] of tablet.records) expect(after.records.get(id)!.version).toBeGreaterThanOrEqual(state.version);
        for (const app of backup.applications) expect(after.records.get(app.id)!.version).toBeGreaterThanOrEqual(app.version);
      }),
    );
  });

  it('hands out mutation ids that are new, increasing and below the next counter', () => {
    fc.assert(
      fc.property(tabletArb, backupArb, (tablet, backup) => {
        const ids = planImport(backup, tablet.records, tablet.next).outbox.map((r) => r.mutationId);
        const after = applyImport(tablet, backup);
        expect(ids).toEqual(ids.map((_, i) => tablet.next + i));
        expect(after.next).toBe(tablet.next + ids.length);
      }),
    );
  });
});
