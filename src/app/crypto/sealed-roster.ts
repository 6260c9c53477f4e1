/**
 * Which parts of a roster row and of the SSID hash key are encrypted at rest.
 *
 * Plain: studentId, schoolId, ssidHash (the indexes; a hash is useless without
 * the center's ssidKey, which is sealed) and the soft-delete flag. Sealed, bound
 * to the student ("roster/<studentId>"): names, date of birth, grade, School
 * Student ID, SSID last four and source. What only this tablet knows (a queued
 * SSID update's last four, a refusal) is a second blob ("roster/<studentId>/local"),
 * so a pull can replace the server's part without opening the tablet's part and
 * an SSID update can replace the tablet's part without opening the server's, both
 * sealed before their transaction (WebCrypto would end it).
 */
import { z } from 'zod/mini';
import { rosterEntrySchema, type RosterEntry } from '../../shared/protocol';
import { localRosterEntrySchema, serverReasonSchema, type LocalRosterEntry } from './row-schemas';
import { open, seal, sealedSchema, type Sealed } from './seal';

/** A roster row as stored once encryption at rest is on. */
export interface StoredRosterEntry {
  studentId: string;
  schoolId: string;
  ssidHash: string | null;
  deleted: boolean;
  /** The server's entry without the plain columns. */
  sealed: Sealed;
  /** This tablet's own facts about the student, when it has any. */
  local?: Sealed;
}

/** What only this tablet knows about a rostered student. */
export const rosterLocalFactsSchema = z.object({
  pendingSsidLast4: z.optional(z.string()),
  pendingSince: z.optional(z.number()),
  ssidUpdateProblem: z.optional(serverReasonSchema),
  /** The SSID last four a refusal was given against: the refusal stands only while the roster still shows it. */
  refusedAgainst: z.optional(z.nullable(z.string())),
});
export type RosterLocalFacts = z.infer<typeof rosterLocalFactsSchema>;

const sealedEntryPartSchema = z.omit(rosterEntrySchema, { studentId: true, schoolId: true, ssidHash: true, deleted: true });


/** The AAD of a roster row's blob. */
export const rosterContext = (studentId: string): string => `roster/${studentId}`;
const localContext = (studentId: string) => `roster/${studentId}/local`;

/** The meta row's AAD for the sealed SSID hash key. */
export const SSID_KEY_CONTEXT = 'meta/ssidKey';

/** True for a roster row written after encryption at rest was switched on. */
export function isSealedRosterRow(row: object): row is StoredRosterEntry {
  return 'sealed' in row && sealedSchema.safeParse(row.sealed).success;
}

/** The stored shape of a pulled entry, keeping the tablet's `local` blob as it is. */
export async function sealRosterEntry(key: CryptoKey, entry: RosterEntry, local?: Sealed): Promise<StoredRosterEntry> {
  const { studentId, schoolId, ssidHash, deleted, ...rest } = rosterEntrySchema.parse(entry);
  const sealed = await seal(key, rest, rosterContext(studentId));
  return { studentId, schoolId, ssidHash, deleted, sealed, ...(local ? { local } : {}) };
}

/** Seals what this tablet knows about `studentId`. */
export function sealRosterLocalFacts(key: CryptoKey, studentId: string, facts: RosterLocalFacts): Promise<Sealed> {
  return seal(key, rosterLocalFactsSchema.parse(facts), localContext(studentId));
}

/** The tablet's facts inside a stored row (none when it has no `local` blob). */
export async function openRosterLocalFacts(key: CryptoKey, studentId: string, local: Sealed | undefined): Promise<RosterLocalFacts> {
  return local ? rosterLocalFactsSchema.parse(await open(key, local, localContext(studentId))) : {};
}

/** The local facts of a plain row, to carry over when it is sealed. */
export function plainLocalFacts(entry: LocalRosterEntry): RosterLocalFacts {
  const { pendingSsidLast4, pendingSince, ssidUpdateProblem } = entry;
  return {
    ...(pendingSsidLast4 === undefined ? {} : { pendingSsidLast4, pendingSince }),
    ...(ssidUpdateProblem === undefined ? {} : { ssidUpdateProblem, refusedAgainst: entry.ssidLast4 }),
  };
}

/** The entry and facts as the screens use them; a refusal given against another SSID is dropped. */
export function joinRosterEntry(entry: RosterEntry, facts: RosterLocalFacts): LocalRosterEntry {
  const { pendingSsidLast4, pendingSince, ssidUpdateProblem, refusedAgainst } = facts;
  return {
    ...entry,
    ...(pendingSsidLast4 === undefined ? {} : { pendingSsidLast4, ...(pendingSince === undefined ? {} : { pendingSince }) }),
    ...(ssidUpdateProblem === undefined || (refusedAgainst ?? null) !== entry.ssidLast4 ? {} : { ssidUpdateProblem }),
  };
}

/** Opens a stored roster row: SealBrokenError if either blob was changed or moved. */
export async function openRosterEntry(key: CryptoKey, row: StoredRosterEntry): Promise<LocalRosterEntry> {
  const { studentId, schoolId, ssidHash, deleted } = row;
  const rest = sealedEntryPartSchema.parse(await open(key, row.sealed, rosterContext(studentId)));
  const facts = await openRosterLocalFacts(key, studentId, row.local);
  return joinRosterEntry({ studentId, schoolId, ssidHash, deleted, ...rest }, facts);
}

/** The tablet's sealed facts on a stored row, sealed or still plain (an SSID update may add them to a plain row). */
export function rosterLocalBlob(row: object): Sealed | undefined {
  if (!('local' in row)) return undefined;
  const parsed = sealedSchema.safeParse(row.local);
  return parsed.success ? parsed.data : undefined;
}

/** Opens any stored roster row: sealed, or plain (with tablet facts sealed onto it later winning over its plain ones). */
export async function openAnyRosterRow(key: CryptoKey, row: object): Promise<LocalRosterEntry> {
  if (isSealedRosterRow(row)) return openRosterEntry(key, row);
  const local = rosterLocalBlob(row);
  if (!local) return localRosterEntrySchema.parse(row);
  // The sealed facts replace the plain ones; parsing with the wire schema leaves those out.
  const entry = rosterEntrySchema.parse(row);
  return joinRosterEntry(entry, await openRosterLocalFacts(key, entry.studentId, local));
}
