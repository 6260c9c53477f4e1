/**
 * Sync figures: our engine and PouchDB move the same 1,000 confirmed records over
 * the same emulated slow link, in the same browser, in the same run; both are set
 * against the link's floor for those records' compressed bytes.
 */
import { SLOW_LINK, linkFloorMs } from '../lib/browser';
import { describeError } from '../lib/errors';
import { makeRecords, seededRandom, seededUuidv7, type BenchRecord } from '../lib/fixtures';
import { gzipSize } from '../lib/gzip';
import { centerSchoolIds, signIn } from '../lib/node-client';
import { figure, type Figure } from '../lib/report';
import type { BenchContext, Section } from '../lib/section';
import { DEMO_EMAIL, DEMO_PASSWORD, startServerProcess } from '../lib/server-process';
import { measurePouchSync } from './sync-peer';
import { measureOurSync, type OurSyncRun } from './sync-ours';
import type { SyncRun } from './sync-run';

const RECORDS = 1_000;
const KB = 1024;

/** Records for the demo center's schools, and our run on the real server (or why it failed). */
async function runOurs(ctx: BenchContext): Promise<{ records: BenchRecord[]; ours: OurSyncRun | Error }> {
  const server = await startServerProcess(ctx.rootDir);
  try {
    const device = await signIn(server.url, DEMO_EMAIL, DEMO_PASSWORD, seededUuidv7(seededRandom(7), Date.now()));
    const records = makeRecords({ count: RECORDS, schoolIds: await centerSchoolIds(server.url, device) });
    try {
      ctx.requirePage('sync');
      return { records, ours: await measureOurSync(ctx.browser, ctx.pagesDir, server.url, records) };
    } catch (error) {
      ctx.log(`our sync failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return { records, ours: error instanceof Error ? error : new Error(String(error)) };
    }
  } finally {
    await server.stop();
  }
}

function checkDelivered(run: SyncRun, who: string): void {
  if (run.stored !== RECORDS) throw new Error(`${who} delivered ${run.stored} of ${RECORDS} records`);
}

function rows(ours: OurSyncRun | null, peer: SyncRun | null, floorMs: number | null, payloadBytes: number | null, reason: string | null): Figure[] {
  const link = `${SLOW_LINK.latencyMs} ms, ${SLOW_LINK.uploadKbit} kbit/s up, ${SLOW_LINK.downloadKbit / 1000} Mbit/s down`;
  const floorNote = floorMs === null || payloadBytes === null ? null
    : `Floor: the ${RECORDS} records' JSON gzips to ${(payloadBytes / KB).toFixed(1)} KB; at ${SLOW_LINK.uploadKbit} kbit/s plus one ${SLOW_LINK.latencyMs} ms round trip that is ${(floorMs / 1000).toFixed(2)} s.`;
  const seconds = (run: SyncRun | null) => (run ? run.wallMs / 1000 : null);
  const overFloor = (run: SyncRun | null) => (run && floorMs ? run.wallMs / floorMs : null);
  return [
    figure({
      label: `Sync ${RECORDS.toLocaleString('en-US')} records (${link}): upload time`, unit: 's', better: 'lower',
      ours: seconds(ours), peer: seconds(peer), peerName: 'PouchDB', goal: { on: 'ratio', atLeast: 10 },
      note: reason ?? 'Ours: from "Sync now" until every outbox row is acknowledged. PouchDB: replicate.to() until it resolves. Same records, same browser, same link, same counting proxy.',
    }),
    figure({ label: 'Sync: bytes on the wire (up + down)', unit: 'KB', better: 'lower',
      ours: ours ? (ours.upBytes + ours.downBytes) / KB : null, peer: peer ? (peer.upBytes + peer.downBytes) / KB : null, peerName: 'PouchDB',
      note: ours ? `Ours ${(ours.upBytes / KB).toFixed(1)} KB up, ${(ours.downBytes / KB).toFixed(1)} KB down (includes the roster pull after the push)${peer ? `; PouchDB ${(peer.upBytes / KB).toFixed(1)} KB up, ${(peer.downBytes / KB).toFixed(1)} KB down` : ''}.` : null }),
    figure({ label: 'Sync: upload time ÷ link floor', unit: '×', better: 'lower', ours: overFloor(ours), peer: overFloor(peer), peerName: 'PouchDB',
      goal: { on: 'ours', atMost: 1.5 }, note: floorNote }),
    figure({ label: 'Sync now, whole (push, then roster pull)', unit: 's', better: 'lower', ours: ours ? ours.totalMs / 1000 : null,
      note: ours ? `Our push: ${ours.engine.pushRequests} requests, at least one open for ${(ours.engine.pushInFlightMs / 1000).toFixed(2)} s (upload, server, answer); the other ${((ours.wallMs - ours.engine.pushInFlightMs) / 1000).toFixed(2)} s of the push the tablet worked with none open.` : null }),
  ];
}

/** Sync figures, ours against PouchDB. */
export const syncSection: Section = {
  id: 'sync',
  name: 'Sync',
  async run(ctx) {
    const { records, ours } = await runOurs(ctx);
    const payloadBytes = gzipSize(JSON.stringify(records));
    const floorMs = linkFloorMs(payloadBytes, 0);
    ctx.requirePage('pouch');
    const peer = await measurePouchSync(ctx.browser, ctx.pagesDir, records);
    checkDelivered(peer, 'PouchDB');
    if (ours instanceof Error) return rows(null, peer, floorMs, payloadBytes, `Ours not measured: ${describeError(ours)}`);
    checkDelivered(ours, 'our sync');
    return rows(ours, peer, floorMs, payloadBytes, null);
  },
  notMeasured: (reason) => rows(null, null, null, null, reason),
};
