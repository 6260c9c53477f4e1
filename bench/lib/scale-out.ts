/**
 * The scale-out run: a fresh fleet on its own PostgreSQL schema, `processes`
 * server processes on it behind a round-robin proxy, and every device pushing
 * at once through the proxy.
 */
import { seedFleet } from './fleet';
import { withFreshSchema } from './fresh-schema';
import { runPushLoad, type LoadResult } from './push-load';
import { startRoundRobinProxy } from './round-robin-proxy';
import { startServerProcess } from './server-process';

/** The fleet and load of one run. */
export interface ScaleOutShape {
  centers: number;
  devicesPerCenter: number;
  batches: number;
  size: number;
}

/** One run against `processes` server processes on one PostgreSQL. */
export async function measureScaleOut(rootDir: string, databaseUrl: string, processes: number, shape: ScaleOutShape): Promise<LoadResult> {
  return withFreshSchema(databaseUrl, async (schema) => {
    const devices = await seedFleet(schema.handle, shape);
    const starts = await Promise.allSettled(Array.from({ length: processes }, () => startServerProcess(rootDir, { databaseUrl: schema.databaseUrl, env: { LOG_LEVEL: 'warn' } })));
    const servers = starts.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    try {
      const failed = starts.find((s) => s.status === 'rejected');
      if (failed) throw failed.reason;
      const proxy = await startRoundRobinProxy(servers.map((s) => s.url));
      try {
        return await runPushLoad(proxy.url, devices, shape);
      } finally {
        await proxy.close();
      }
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  });
}
