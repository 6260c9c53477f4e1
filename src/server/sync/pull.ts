/**
 * Checkpointed pull (design section 7): the caller's center, its schools and its
 * roster changed since the checkpoint, soft deletes included, a page at a time.
 * The roster carries keyed SSID hashes and last four digits, never an SSID;
 * the center's advisors come whole, as id and name.
 */
import { createHash } from 'node:crypto';
import { verifiedElsewhereSchema, type PullResponse, type RosterEntry, type School, type VerifiedElsewhere } from '../../shared/protocol';
import { ssidSourceSchema } from '../../shared/application';
import { centerKey, ssidHash } from '../auth/ssid-keys';
import { centerVerificationOf, findCenter } from '../queries/centers';
import { currentChangeSeq } from '../queries/change-seq';
import { verifiedElsewhereSince } from '../queries/enrollments';
import type { Executor } from '../queries/executor';
import { schoolsChangedSince, type SchoolRow } from '../queries/schools';
import { rosterChangedSince, type StudentRow } from '../queries/students';
import { centerKeyers } from '../queries/users';
import { Problem } from '../http/problem';
import { decodeCheckpoint, encodeCheckpoint } from './checkpoint';
import { parseJson } from '../db/stored-json';

export const PULL_PAGE_SIZE = 2000;

/** One page of changes for the caller's center since `checkpoint`. */
export async function pull(
  db: Executor, serverSecret: string, caller: { centerId: string; deviceId: string }, checkpoint: string | undefined, pageSize = PULL_PAGE_SIZE,
): Promise<PullResponse> {
  const { centerId } = caller;
  const center = await findCenter(db, centerId);
  if (!center) throw new Problem('notFound');
  const key = centerKey(serverSecret, centerId);
  const keyId = createHash('sha256').update(key).digest('hex').slice(0, 16);
  const from = decodeCheckpoint(checkpoint);
  const since = from && from.keyId === keyId ? from.seq : 0;

  // Read the high-water mark first: anything committed later is caught next time.
  const upTo = await currentChangeSeq(db, centerId);
  const schools = (await schoolsChangedSince(db, centerId, since)).filter((s) => s.updated_seq <= upTo);
  const page = (await rosterChangedSince(db, centerId, since, pageSize + 1)).filter((s) => s.updated_seq <= upTo);
  const more = page.length > pageSize;
  const roster = more ? page.slice(0, pageSize) : page;
  const reached = more ? roster[roster.length - 1]!.updated_seq : upTo;

  return {
    checkpoint: encodeCheckpoint({ seq: reached, keyId }),
    more,
    center: { id: center.id, name: center.name, verification: centerVerificationOf(center) },
    ssidKey: key.toString('hex'),
    schools: schools.map(toSchool),
    roster: roster.map((s) => toRosterEntry(s, key)),
    // Whom a second keyer may pick on the tablet: ids and names only, never anything to sign in with.
    advisors: await centerKeyers(db, centerId),
    verifiedElsewhere: await verifiedElsewhere(db, caller, since, reached),
  };
}

/**
 * The caller's tablet's sheets that a second keyer verified on another tablet
 * in the pulled span: only to the tablet they were typed on, which holds them
 * already. A stored row that does not read is left out, never sent half-read.
 */
async function verifiedElsewhere(db: Executor, caller: { centerId: string; deviceId: string }, since: number, upTo: number): Promise<VerifiedElsewhere[]> {
  const rows = await verifiedElsewhereSince(db, caller.centerId, caller.deviceId, since, upTo);
  return rows.flatMap((row) => {
    const parsed = verifiedElsewhereSchema.safeParse({
      recordId: row.id, serverVersion: row.version, application: parseJson(row.application), verification: parseJson(row.verification),
    });
    return parsed.success ? [parsed.data] : [];
  });
}

function toSchool(s: SchoolRow): School {
  return { id: s.id, centerId: s.center_id, name: s.name, cdsCode: s.cds_code, city: s.city, deleted: s.deleted === 1 };
}

function toRosterEntry(s: StudentRow, key: Buffer): RosterEntry {
  const source = ssidSourceSchema.safeParse(s.ssid_source);
  return {
    studentId: s.id,
    firstName: s.first_name,
    lastName: s.last_name,
    dateOfBirth: s.date_of_birth,
    grade: s.grade,
    schoolId: s.school_id,
    schoolStudentId: s.school_student_id,
    ssidHash: s.ssid === null ? null : ssidHash(key, s.ssid),
    ssidLast4: s.ssid === null ? null : s.ssid.slice(-4),
    ssidSource: source.success ? source.data : null,
    deleted: s.deleted === 1,
  };
}
