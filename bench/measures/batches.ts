/**
 * The batches list (the home screen) with 10,000 synced records in verifying
 * batches, each verified by a second keyer: the work right after unlock and the
 * list's read after it, first of the day and again, in Chromium's real
 * IndexedDB through the app's own modules, encryption at rest on (issue 14).
 * Since each record carries its SSID-disagreement flag in plain beside its
 * seal, the list opens none of them; before, it opened every one after each unlock.
 */
import { makeRecords } from '../lib/fixtures';
import { figure, type Figure } from '../lib/report';
import type { BenchContext, Section } from '../lib/section';
import type { BatchesListRun } from '../pages/bench-api';
import { onLocalPage } from './local';

const STORED = 10_000;
const PER_BATCH = 25;
/** One sheet in 50 had its SSID typed differently by the second keyer and settled from the paper. */
const SSID_EVERY = 50;
const RUNS = 10;

function measureBatches(ctx: BenchContext): Promise<BatchesListRun> {
  return onLocalPage(ctx, async (page) => {
    const records = makeRecords({ count: STORED, schoolIds: ['bench-school-1'], seed: 3 });
    const run = await page.evaluate(([r, perBatch, every, runs]) => window.localBench!.batchesList(r, perBatch, every, runs), [records, PER_BATCH, SSID_EVERY, RUNS] as const);
    const expected = Math.ceil(STORED / SSID_EVERY);
    if (run.ssids.settled !== expected || run.ssids.waiting !== 0) throw new Error(`the batches list counted ${run.ssids.settled} settled SSIDs, ${run.ssids.waiting} waiting, where ${expected} settled were stored`);
    return run;
  });
}

function rows(run: BatchesListRun | null, reason: string | null): Figure[] {
  const n = STORED.toLocaleString('en-US');
  const ms = (label: string, value: number | undefined, goal: Figure['goal'] = null, note: string | null = null) =>
    figure({ label, unit: 'ms', better: 'lower', ours: value ?? null, goal, note });
  return [
    ms(`Batches list, ${n} synced verified records, first read after unlock, p50`, run?.first.p50, null, reason ?? (
      `Batches list: ${n} records synced in verifying batches of ${PER_BATCH}, each verified by a second keyer, one in ${SSID_EVERY} with its SSID settled from the paper (the list says so); `
      + 'the read the home screen waits for (useBatches.ts readBatchRows), timed right after each unlock and the work after it (afterUnlock), and again; '
      + `${RUNS} runs. The SSID line counts the plain flag beside each record (crypto/sealed-fields.ts), so no synced record is decrypted. Drawing not included.`)),
    ms(`Batches list, ${n} synced verified records, first read after unlock, p95`, run?.first.p95),
    ms(`Batches list, ${n} synced verified records, again, p50`, run?.again.p50),
    ms(`Work after unlock, ${n} records stored, p50`, run?.afterUnlock.p50, null,
      'Work after unlock (services/afterUnlock.ts): reads every record row to seal those still plain and flag those stored before the SSID flag; none to do here.'),
    ms(`Work after the first unlock on version 3's rows, ${n} records stored`, run?.upgraded.p50, null,
      'Once per tablet, after the update: every record stored without the SSID flag is opened and the flag written beside its seal (db/ssidFlags.ts).'),
  ];
}

/** The batches list's figures. */
export const batchesSection: Section = {
  id: 'batches',
  name: 'Batches list',
  run: async (ctx) => rows(await measureBatches(ctx), null),
  notMeasured: (reason) => rows(null, reason),
};
