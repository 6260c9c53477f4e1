/**
 * A returning student's paper against the SSID the center already holds for
 * them. A student re-enrolling on paper writes their CA SSID again; the roster
 * has the one the center took before, often confirmed by the school since. An
 * SSID never changes (design section 3), so where the two differ one of them is
 * wrong, and the student's own hand is the usual suspect. No other check sees
 * this: the SSID checks look for another student holding the typed number, and
 * the server links a paper to a known student only through an equal SSID
 * (decide.ts rule 3c), so a miswritten number would start a second student.
 *
 * The student is recognised as the server does (same-student.ts: the same
 * names and birth date). The tablet keeps the roster's SSIDs only as HMAC
 * hashes and last four digits (protocol.ts), so the typed SSID is compared by
 * its hash.
 */
import type { SsidSource } from './application';
import { compareStudents, type StudentIdentity } from './same-student';
import type { Issue } from './ssid';

/** A rostered student with what the tablet knows of their SSID. */
export interface RosteredSsid extends StudentIdentity {
  ssidHash: string | null;
  ssidLast4: string | null;
  ssidSource: SsidSource | null;
}

/** The center's SSID for the student a paper names, as far as the tablet shows it. */
export interface HeldSsid {
  last4: string;
  source: SsidSource | null;
}

/** The one rostered student with the paper's names and birth date, or null when there is none, or namesakes leave it open. */
export function returningStudent<S extends StudentIdentity>(paper: StudentIdentity, roster: readonly S[]): S | null {
  const same = roster.filter((student) => compareStudents(paper, student).level === 'same');
  return same.length === 1 ? (same[0] as S) : null;
}

/** The SSID the center holds for the student this paper names, when it holds one and it is not the typed one (`typedHash`). */
export function heldSsidDiffering(paper: StudentIdentity, typedHash: string, roster: readonly RosteredSsid[]): HeldSsid | null {
  const student = returningStudent(paper, roster);
  if (!student || student.ssidHash === null || student.ssidHash === typedHash) return null;
  return { last4: student.ssidLast4 ?? '', source: student.ssidSource };
}

const FROM: Record<SsidSource, string> = {
  school_records: ' from the school’s records',
  student_form: ' from an earlier paper',
  student_online: ' that the student gave online',
};

/** The warning: which number the center has and where it came from, and what to do when the paper cannot settle it. */
export function heldSsidIssue(held: HeldSsid): Issue {
  const ending = held.last4 === '' ? '' : ` ending ${held.last4}`;
  return {
    code: 'ssid_differs_from_center',
    message: `The center already has this student (same name and date of birth) with another CA SSID${ending}${held.source ? FROM[held.source] : ''}. `
      + 'A CA SSID never changes, so one of the two is wrong. Unless the paper is clearly right, leave the CA SSID blank: the school will be asked for it.',
  };
}
