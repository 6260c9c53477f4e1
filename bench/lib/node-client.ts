/**
 * A minimal Node client for the sync API, for the server benchmark: bodies are
 * gzip-compressed before the clock starts so that only the server is timed.
 */
import { gzipSync } from 'node:zlib';
import { pullResponseSchema, pushResponseSchema, sessionResponseSchema, type Mutation, type PushResponse } from '../../src/shared/protocol';
import { toColumns } from '../../src/shared/column-batch';

/** A signed-in device. */
export interface Device {
  token: string;
  deviceId: string;
}

/** Signs in as `email` for `deviceId`. */
export async function signIn(url: string, email: string, password: string, deviceId: string): Promise<Device> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, deviceId, deviceName: 'bench' }),
  });
  if (!res.ok) throw new Error(`sign-in failed: HTTP ${res.status} ${await res.text()}`);
  return { token: sessionResponseSchema.parse(await res.json()).token, deviceId };
}

/** The ids of the schools the device's center has (records must name one). */
export async function centerSchoolIds(url: string, device: Device): Promise<string[]> {
  const res = await fetch(`${url}/api/sync/pull`, { headers: { authorization: `Bearer ${device.token}` } });
  if (!res.ok) throw new Error(`pull failed: HTTP ${res.status} ${await res.text()}`);
  const schools = pullResponseSchema.parse(await res.json()).schools.filter((s) => !s.deleted).map((s) => s.id);
  if (schools.length === 0) throw new Error('the server has no schools for the demo center');
  return schools;
}

/** A push body as the app sends it: one column batch, gzipped. */
export function gzipPushBody(device: Device, mutations: readonly Mutation[]): Uint8Array<ArrayBuffer> {
  return new Uint8Array(gzipSync(JSON.stringify({ deviceId: device.deviceId, columns: toColumns(mutations) })));
}

/** Sends one compressed push and parses the answer. */
export async function pushCompressed(url: string, device: Device, body: Uint8Array<ArrayBuffer>): Promise<PushResponse> {
  const res = await fetch(`${url}/api/sync/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json', 'content-encoding': 'gzip' },
    body,
  });
  if (!res.ok) throw new Error(`push failed: HTTP ${res.status} ${await res.text()}`);
  return pushResponseSchema.parse(await res.json());
}
