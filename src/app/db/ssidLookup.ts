/**
 * "Already used by another record": who else holds an SSID on this tablet.
 * Local records are compared directly; the roster holds only HMAC-SHA256 hashes
 * (keyed with the center's ssidKey), so the typed SSID is hashed the same way.
 * A holder with the paper's own name and birth date is the same student, not
 * another one: the server links such a paper to them (decide.ts rule 3).
 */
import type { LocalApplication, LocalRosterEntry, MesaDb } from './schema';
import type { SsidKnowledge } from '../model/recordValidation';
import { heldSsidDiffering, type HeldSsid } from '../../shared/returning-student';
import { compareStudents, type StudentIdentity } from '../../shared/same-student';
import { checkSsid, normalizeSsid } from '../../shared/ssid';
import { readSsidKey } from './meta';
import { readApplications } from './records';
import { readRoster } from './roster';

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

/** Every local record, the roster and the center key, read once for any number of SSID lookups. */
export interface SsidLookups {
  /** What the tablet knows about `input` (as typed) for the record `self`: who else holds it, and the center's other SSID for the paper's student. */
  knowledge(input: string, self: SsidOwner): Promise<SsidKnowledge>;
}

/** Who else holds `ssid` (a normalized 10-digit SSID, `hash` its roster hash), described for "Already used by …", or null. */
function holderOf(ssid: string, hash: string | null, self: SsidOwner, applications: readonly LocalApplication[], roster: readonly LocalRosterEntry[]): string | null {
  // SSIDs are sealed at rest: compare against the decrypted records in memory.
  const holder = applications.find(
    (app) => app.id !== self.recordId && app.studentId !== self.studentId && normalizeSsid(app.fields.ssid.trim()) === ssid && !isSelf(self, app.fields),
  );
  if (holder) return `another record (${fullName(holder.fields.firstName, holder.fields.lastName)})`;
  const other = hash === null ? undefined : roster.find((r) => r.ssidHash === hash && r.studentId !== self.studentId && !isSelf(self, { ...r, middleName: '' }));
  return other ? `a student on the center’s roster (${fullName(other.firstName, other.lastName)})` : null;
}

/**
 * Reads what the SSID lookups need once, so confirming a batch, or listing it
 * for review, reads every record and the roster once rather than once a sheet.
 * Before the center key has been pulled only the local records are looked at.
 */
export async function loadSsidLookups(db: MesaDb): Promise<SsidLookups> {
  const applications = await readApplications(db);
  const key = await readSsidKey(db);
  const roster = key ? await readRoster(db) : [];
  return {
    async knowledge(input, self) {
      const ssid = checkSsid(input).value;
      if (ssid === null) return {};
      const hash = key ? await hashSsid(key, ssid) : null;
      return {
        ssidTakenBy: holderOf(ssid, hash, self, applications, roster),
        ssidHeldForStudent: hash !== null && self.identity ? heldSsidDiffering(self.identity, hash, roster) : null,
      };
    },
  };
}

/**
 * Describes who else holds `ssid` (a normalized 10-digit SSID), for the warning
 * "Already used by …", or null when nobody does.
 */
export async function findSsidHolder(db: MesaDb, ssid: string, self: SsidOwner): Promise<string | null> {
  return (await (await loadSsidLookups(db)).knowledge(ssid, self)).ssidTakenBy ?? null;
}

/**
 * The SSID the center holds for the student the paper names (`identity`), when
 * that is not `ssid` (a normalized 10-digit SSID); null when the paper names no
 * one student of the roster, or before the center key has been pulled.
 */
export async function findHeldSsid(db: MesaDb, ssid: string, identity: StudentIdentity): Promise<HeldSsid | null> {
  return (await (await loadSsidLookups(db)).knowledge(ssid, { recordId: '', studentId: '', identity })).ssidHeldForStudent ?? null;
}
