/**
 * "Already used by another record": who else holds an SSID on this tablet.
 * Local records are compared directly; the roster holds only HMAC-SHA256 hashes
 * (keyed with the center's ssidKey), so the typed SSID is hashed the same way.
 * A holder with the paper's own name and birth date is the same student, not
 * another one: the server links such a paper to them (decide.ts rule 3).
 */
import type { MesaDb } from './schema';
import { heldSsidDiffering, type HeldSsid } from '../../shared/returning-student';
import { compareStudents, type StudentIdentity } from '../../shared/same-student';
import { normalizeSsid } from '../../shared/ssid';
import { readSsidKey } from './meta';
import { readApplications } from './records';
import { readRoster, readRosterBySsidHash } from './roster';

/** The record being checked, so it does not match itself. */
export interface SsidOwner {
  recordId: string;
  studentId: string;
  /** The name and birth date typed on this paper, when known. */
  identity?: StudentIdentity;
}

function fullName(first: string, last: string): string {
  return `${first} ${last}`.trim() || 'an unnamed student';
}

function hexToBytes(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** Whether `holder` has the paper's own name and birth date (so is the same student). */
function isSelf(self: SsidOwner, holder: StudentIdentity): boolean {
  return self.identity !== undefined && compareStudents(self.identity, holder).level === 'same';
}

/** HMAC-SHA256(key, ssid) as lowercase hex, the roster's `ssidHash`. */
export async function hashSsid(keyHex: string, ssid: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', hexToBytes(keyHex), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(ssid));
  return Array.from(new Uint8Array(mac), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Describes who else holds `ssid` (a normalized 10-digit SSID), for the warning
 * "Already used by …", or null when nobody does.
 */
export async function findSsidHolder(db: MesaDb, ssid: string, self: SsidOwner): Promise<string | null> {
  // SSIDs are sealed at rest: compare against the decrypted records in memory.
  const holder = (await readApplications(db)).find(
    (app) => app.id !== self.recordId && app.studentId !== self.studentId && normalizeSsid(app.fields.ssid.trim()) === ssid && !isSelf(self, app.fields),
  );
  if (holder) return `another record (${fullName(holder.fields.firstName, holder.fields.lastName)})`;

  const key = await readSsidKey(db);
  if (!key) return null;
  const hash = await hashSsid(key, ssid);
  const other = (await readRosterBySsidHash(db, hash)).find((r) => r.studentId !== self.studentId && !isSelf(self, { ...r, middleName: '' }));
  return other ? `a student on the center’s roster (${fullName(other.firstName, other.lastName)})` : null;
}

/**
 * The SSID the center holds for the student the paper names (`identity`), when
 * that is not `ssid` (a normalized 10-digit SSID); null when the paper names no
 * one student of the roster, or before the center key has been pulled.
 */
export async function findHeldSsid(db: MesaDb, ssid: string, identity: StudentIdentity): Promise<HeldSsid | null> {
  const key = await readSsidKey(db);
  if (!key) return null;
  return heldSsidDiffering(identity, await hashSsid(key, ssid), await readRoster(db));
}
