/**
 * A fleet of tablets for the scale-out benchmark, on a PostgreSQL schema of its
 * own (withFreshSchema): centers, each with a school, an advisor and signed-in
 * devices, written with the server's own account and session code. Sessions are made straight in
 * the database because sign-in is rate limited per address, and 200 tablets on
 * loopback share one.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { createCenter, createSchool, createUser } from '../../src/server/accounts';
import { hashToken, newToken } from '../../src/server/auth/tokens';
import type { DatabaseHandle } from '../../src/server/db/connect';
import { registerDevice } from '../../src/server/queries/devices';
import { insertSession } from '../../src/server/queries/sessions';
import { uuidv7 } from '../../src/shared/ids';
import type { Device } from './node-client';

/** A signed-in device and the school it keys for. */
export type FleetDevice = { device: Device; schoolId: string };

/** Writes `centers` centers with `devicesPerCenter` signed-in devices each into a fresh schema (bench/lib/fresh-schema.ts). */
export async function seedFleet(handle: DatabaseHandle, shape: { centers: number; devicesPerCenter: number }): Promise<FleetDevice[]> {
  const devices: FleetDevice[] = [];
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
  return devices;
}
