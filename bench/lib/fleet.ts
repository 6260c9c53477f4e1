/**
 * A fleet of tablets for the scale-out benchmark, on a PostgreSQL schema of its
 * own: centers, each with a school, an advisor and signed-in devices, written
 * with the server's own account and session code. Sessions are made straight in
 * the database because sign-in is rate limited per address, and 200 tablets on
 * loopback share one.
 */
import { randomBytes, randomInt } from 'node:crypto';
import pg from 'pg';
import { createCenter, createSchool, createUser } from '../../src/server/accounts';
import { hashToken, newToken } from '../../src/server/auth/tokens';
import { openPostgres } from '../../src/server/db/connect';
import { migrate } from '../../src/server/db/migrations';
import { registerDevice } from '../../src/server/queries/devices';
import { insertSession } from '../../src/server/queries/sessions';
import { uuidv7 } from '../../src/shared/ids';
import type { Device } from './node-client';

/** Signed-in devices on a fresh schema, and how a server process reaches it. */
export interface Fleet {
  /** DATABASE_URL with the schema as its search_path. */
  databaseUrl: string;
  devices: { device: Device; schoolId: string }[];
  /** Drops the schema and everything in it. */
  drop(): Promise<void>;
}

async function adminQuery(databaseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates a schema on `databaseUrl` holding `centers` centers with `devicesPerCenter` signed-in devices each. */
export async function seedFleet(databaseUrl: string, shape: { centers: number; devicesPerCenter: number }): Promise<Fleet> {
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(databaseUrl, `create schema ${schema}`);
  const handle = openPostgres(databaseUrl, { schema, maxConnections: 2 });
  const devices: Fleet['devices'] = [];
  try {
    await migrate(handle);
    const now = new Date();
    const expiresAt = new Date(now.getTime() + 24 * 60 * 60 * 1000).toISOString();
    for (let c = 0; c < shape.centers; c++) {
      const centerId = await createCenter(handle.db, `Bench center ${c}`);
      // A made-up 14-digit CDS code starting 99, which no county uses.
      const schoolId = await createSchool(handle.db, { centerId, name: `Bench school ${c}`, cdsCode: `99${String(randomInt(0, 1e12)).padStart(12, '0')}`, city: 'Oakland' });
      const userId = await createUser(handle.db, { email: `bench-${c}@mesa.example`, name: `Bench advisor ${c}`, role: 'advisor', centerId, password: randomBytes(12).toString('base64url') });
      for (let d = 0; d < shape.devicesPerCenter; d++) {
        const device = { deviceId: uuidv7(), token: newToken() };
        await registerDevice(handle.db, { deviceId: device.deviceId, userId, name: `bench ${c}.${d}`, now: now.toISOString() });
        await insertSession(handle.db, { token_hash: hashToken(device.token), user_id: userId, device_id: device.deviceId, created_at: now.toISOString(), expires_at: expiresAt, revoked_at: null });
        devices.push({ device, schoolId });
      }
    }
  } finally {
    await handle.close();
  }
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { databaseUrl: url.toString(), devices, drop: () => adminQuery(databaseUrl, `drop schema ${schema} cascade`) };
}
