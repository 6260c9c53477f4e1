/**
 * Past one server process (issue 14, item 7): 200 devices in 20 centers pushing
 * at once against 1, 2 and 4 server processes on one PostgreSQL, behind a
 * round-robin proxy. Records per second and push p95 for each; the one-process
 * run is the peer of the others, so the ratio is the speed-up.
 */
import os from 'node:os';
import { measureScaleOut, type ScaleOutShape } from '../lib/scale-out';
import type { LoadResult } from '../lib/push-load';
import { figure, type Figure } from '../lib/report';
import type { Section } from '../lib/section';

const PROCESSES = [1, 2, 4] as const;
const SHAPE: ScaleOutShape = { centers: 20, devicesPerCenter: 10, batches: 1, size: 100 };

function rows(results: ReadonlyMap<number, LoadResult>, note: string | null): Figure[] {
  const one = results.get(1) ?? null;
  return PROCESSES.flatMap((n, i) => {
    const r = results.get(n) ?? null;
    const peer = n === 1 ? {} : { peerName: '1 process' };
    return [
      figure({ label: `200 devices pushing, ${n} process${n === 1 ? '' : 'es'}: records/s`, unit: 'rec/s', better: 'higher', ours: r?.recordsPerSecond ?? null, peer: n === 1 ? null : (one?.recordsPerSecond ?? null), ...peer, note: i === 0 ? note : null }),
      figure({ label: `200 devices pushing, ${n} process${n === 1 ? '' : 'es'}: push p95`, unit: 'ms', better: 'lower', ours: r?.p95Ms ?? null, peer: n === 1 ? null : (one?.p95Ms ?? null), ...peer }),
    ];
  });
}

/** Scale-out figures; needs DATABASE_URL (PostgreSQL). */
export const scaleOutSection: Section = {
  id: 'scale-out',
  name: 'Scale-out',
  async run(ctx) {
    const databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) return rows(new Map(), 'Not measured: set DATABASE_URL to a PostgreSQL database.');
    const results = new Map<number, LoadResult>();
    for (const n of PROCESSES) {
      ctx.log(`scale-out: ${n} process(es)`);
      results.set(n, await measureScaleOut(ctx.rootDir, databaseUrl, n, SHAPE));
    }
    const perRun = SHAPE.centers * SHAPE.devicesPerCenter * SHAPE.batches * SHAPE.size;
    return rows(results, `${SHAPE.centers} centers x ${SHAPE.devicesPerCenter} devices, ${SHAPE.batches} batches of ${SHAPE.size} each (${perRun.toLocaleString('en-US')} records a run), gzip, a fresh schema per run, every process and the database on this machine's ${os.cpus().length} cores.`);
  },
  notMeasured: (reason) => rows(new Map(), reason),
};
