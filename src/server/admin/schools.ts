/**
 * A center administrator's changes to schools: add (the CDS code checked and
 * unique), rename, retire. Each takes a change number so tablets pull it, and
 * writes its audit row in the same transaction. A retired school is only marked:
 * its students and their records stay.
 */
import type { AdminSchool } from '../../shared/admin-protocol';
import { newSchoolSchema, renameSchoolSchema } from '../../shared/admin-protocol';
import { createSchool } from '../accounts';
import type { DatabaseHandle } from '../db/connect';
import { isUniqueViolation } from '../db/errors';
import { Problem } from '../http/problem';
import { parseOrThrow, storable } from '../http/validation';
import { nextChangeSeq } from '../queries/change-seq';
import { centerSchools, findAnyCenterSchool, renameSchool, softDeleteSchool, type SchoolRow } from '../queries/schools';
import type { Actor } from './caller';
import { auditAdminAction } from './audit';

function schoolOf(row: SchoolRow): AdminSchool {
  return { id: row.id, name: row.name, cdsCode: row.cds_code, city: row.city, retired: row.deleted === 1 };
}

/** The center's schools, retired ones included. */
export async function listSchools(handle: DatabaseHandle, centerId: string): Promise<AdminSchool[]> {
  return (await centerSchools(handle.db, centerId)).map(schoolOf);
}

async function centerSchool(handle: DatabaseHandle, actor: Actor, id: string): Promise<SchoolRow> {
  const school = await findAnyCenterSchool(handle.db, actor.centerId, id);
  if (!school) throw new Problem('notFound');
  return school;
}

/** Adds a school to the actor's center; `input` is the request body. */
export async function addSchool(handle: DatabaseHandle, actor: Actor, input: unknown): Promise<AdminSchool> {
  const school = parseOrThrow(storable(newSchoolSchema), input);
  const now = new Date().toISOString();
  try {
    const id = await handle.db.transaction().execute(async (trx) => {
      const created = await createSchool(trx, { centerId: actor.centerId, ...school });
      await auditAdminAction(trx, { centerId: actor.centerId, userId: actor.userId, action: 'school_added', subject: `${school.name} (${school.cdsCode})`, now });
      return created;
    });
    return schoolOf(await centerSchool(handle, actor, id));
  } catch (error) {
    if (isUniqueViolation(error)) throw new Problem('alreadyExists', [{ field: 'cdsCode', message: 'A school with this CDS code exists.' }]);
    throw error;
  }
}

/** Renames a school. */
export async function renameCenterSchool(handle: DatabaseHandle, actor: Actor, id: string, input: unknown): Promise<AdminSchool> {
  const { name } = parseOrThrow(storable(renameSchoolSchema), input);
  const before = await centerSchool(handle, actor, id);
  const now = new Date().toISOString();
  await handle.db.transaction().execute(async (trx) => {
    await renameSchool(trx, id, name, await nextChangeSeq(trx, actor.centerId), now);
    await auditAdminAction(trx, { centerId: actor.centerId, userId: actor.userId, action: 'school_renamed', subject: `${before.name} → ${name}`, now });
  });
  return schoolOf(await centerSchool(handle, actor, id));
}

/** Retires a school: tablets stop offering it; its students and records are kept. */
export async function retireSchool(handle: DatabaseHandle, actor: Actor, id: string): Promise<AdminSchool> {
  const school = await centerSchool(handle, actor, id);
  if (school.deleted === 0) {
    const now = new Date().toISOString();
    await handle.db.transaction().execute(async (trx) => {
      await softDeleteSchool(trx, id, await nextChangeSeq(trx, actor.centerId), now);
      await auditAdminAction(trx, { centerId: actor.centerId, userId: actor.userId, action: 'school_retired', subject: school.name, now });
    });
  }
  return schoolOf(await centerSchool(handle, actor, id));
}
