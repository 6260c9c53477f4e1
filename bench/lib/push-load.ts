/**
 * Many devices pushing at once over real HTTP, each its batches in order as a
 * tablet sends them (gzip bodies, compressed before the clock starts). Used by
 * bench/load.ts and the scale-out section; correctness under the same load is
 * tested in test/server/load.test.ts and test/server/scale-out.test.ts.
 */
import { makeRecords } from './fixtures';
import { toMutations } from './mutations';
import { gzipPushBody, pushCompressed, type Device } from './node-client';
import { percentile } from './stats';

/** What one load run measured. */
export interface LoadResult {
  devices: number;
  requests: number;
  records: number;
  seconds: number;
  recordsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
}

/** Every device pushes `batches` batches of `size` new records to its own school; all devices at once. */
export async function runPushLoad(url: string, devices: readonly { device: Device; schoolId: string }[], shape: { batches: number; size: number }): Promise<LoadResult> {
  const perDevice = shape.batches * shape.size;
  // One call for all devices: SSIDs are unique across the whole run, as the server requires.
  const records = makeRecords({ count: devices.length * perDevice, schoolIds: ['school'], seed: Date.now() % 1_000_000 });
  const confirmedAt = new Date().toISOString();
  const bodies = devices.map(({ device, schoolId }, d) => {
    const own = records.slice(d * perDevice, (d + 1) * perDevice).map((r) => ({ ...r, fields: { ...r.fields, schoolId } }));
    const mutations = toMutations(own, 1, confirmedAt);
    return Array.from({ length: shape.batches }, (_, b) => gzipPushBody(device, mutations.slice(b * shape.size, (b + 1) * shape.size)));
  });

  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(devices.map(async ({ device }, d) => {
    for (const body of bodies[d]!) {
      const sent = performance.now();
      const response = await pushCompressed(url, device, body);
      latencies.push(performance.now() - sent);
      if (response.results.some((r) => r.status !== 'applied')) throw new Error(`device ${d}: not every record was applied`);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  return {
    devices: devices.length, requests: latencies.length, records: records.length, seconds,
    recordsPerSecond: records.length / seconds, p50Ms: percentile(latencies, 50), p95Ms: percentile(latencies, 95),
  };
}
