/**
 * Adapters from what the tablet holds (the pulled roster, local applications)
 * to the shapes matching and the request list read.
 */
import type { RosterStudent } from './matching';
import type { RosterEntry } from './protocol';
import type { RequestStudent } from './request-list';

/** What the tablet knows locally about a rostered student beyond the roster (from a typed paper application). */
export interface LocalKnowledge {
  middleName?: string;
  /** The SSID typed from the student's paper application, if any. */
  currentSsid?: string | null;
}

/** A pulled roster entry as matching reads it; deleted entries are never matched. */
export function rosterStudentFrom(entry: RosterEntry, local: LocalKnowledge = {}): RosterStudent {
  return {
    studentId: entry.studentId,
    firstName: entry.firstName,
    middleName: local.middleName ?? '',
    lastName: entry.lastName,
    dateOfBirth: entry.dateOfBirth,
    grade: entry.grade,
    schoolStudentId: entry.schoolStudentId,
    currentSsid: local.currentSsid ?? null,
    ssidHash: entry.ssidHash,
    ssidLast4: entry.ssidLast4,
  };
}

/** A pulled roster entry as the SSID request list reads it. */
export function requestStudentFrom(entry: RosterEntry, local: LocalKnowledge = {}): RequestStudent {
  return {
    studentId: entry.studentId,
    firstName: entry.firstName,
    lastName: entry.lastName,
    dateOfBirth: entry.dateOfBirth,
    grade: entry.grade,
    schoolStudentId: entry.schoolStudentId,
    hasSsid: entry.ssidHash !== null || entry.ssidLast4 !== null || Boolean(local.currentSsid),
  };
}

/** The live entries of one school's roster: what the request list and the import both start from. */
export function schoolRoster(entries: readonly RosterEntry[], schoolId: string): RosterEntry[] {
  return entries.filter((e) => e.schoolId === schoolId && !e.deleted);
}
