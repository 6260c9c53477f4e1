/**
 * Creating centers, schools and users: shared by the admin command and the demo
 * seed, so both apply the same checks.
 */
import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '../shared/admin-protocol';
import { uuidv7 } from '../shared/ids';
import { ROLES } from '../shared/protocol';
import { hashPassword } from './auth/passwords';
import { Problem } from './http/problem';
import { parseOrThrow } from './http/validation';
import { findCenterByIdOrName, insertCenter } from './queries/centers';
import { nextChangeSeq } from './queries/change-seq';
import type { Executor } from './queries/executor';
import { insertSchool } from './queries/schools';
import { insertUser } from './queries/users';

const newUserSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  name: z.string().trim().min(1).max(120),
  role: z.enum(ROLES),
  centerId: z.string().min(1),
  password: z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`).max(200),
});

const newSchoolSchema = z.object({
  centerId: z.string().min(1),
  name: z.string().trim().min(1).max(200),
  cdsCode: z.string().regex(/^\d{14}$/, 'A CDS code is 14 digits.'),
  city: z.string().trim().max(80).default(''),
});

/** Adds a center; returns its id. */
export async function createCenter(db: Executor, name: string): Promise<string> {
  const trimmed = name.trim();
  if (trimmed === '') throw new Problem('invalidBody', [{ field: 'name', message: 'A center needs a name.' }]);
  // Names must be unique: the admin command finds centers by name.
  if (await findCenterByIdOrName(db, trimmed)) throw new Problem('invalidBody', [{ field: 'name', message: 'A center with this name exists.' }]);
  const id = uuidv7();
  await insertCenter(db, { id, name: trimmed, created_at: new Date().toISOString() });
  return id;
}

/** Adds a school to a center; returns its id. */
export async function createSchool(db: Executor, input: z.input<typeof newSchoolSchema>): Promise<string> {
  const school = parseOrThrow(newSchoolSchema, input);
  const id = uuidv7();
  const now = new Date().toISOString();
  await insertSchool(db, {
    id, center_id: school.centerId, name: school.name, cds_code: school.cdsCode, city: school.city,
    deleted: 0, updated_seq: await nextChangeSeq(db, school.centerId), created_at: now, updated_at: now,
  });
  return id;
}

/**
 * Adds a user with a scrypt-hashed password; returns its id. `oneTime` marks a
 * password an administrator handed over: the user must replace it at first sign-in.
 */
export async function createUser(db: Executor, input: z.input<typeof newUserSchema>, oneTime = false): Promise<string> {
  const user = parseOrThrow(newUserSchema, input);
  const id = uuidv7();
  await insertUser(db, {
    id, email: user.email, name: user.name, role: user.role, center_id: user.centerId,
    password_hash: await hashPassword(user.password), disabled: 0, created_at: new Date().toISOString(),
    must_change_password: oneTime ? 1 : 0,
  });
  return id;
}
