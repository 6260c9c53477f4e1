/** Centers, schools, users and mutations for the server tests. */
import { randomInt } from 'node:crypto';
import { blankFields, type ConfirmedApplication } from '../../../src/shared/application';
import { uuidv7 } from '../../../src/shared/ids';
import type { Mutation } from '../../../src/shared/protocol';
import { verifiedFieldsOf, type AddableVerifiedField, type Verification } from '../../../src/shared/verification-record';
import { createCenter, createSchool, createUser } from '../../../src/server/accounts';
import type { DatabaseHandle } from '../../../src/server/db/connect';

export const PASSWORD = 'correct horse battery';

export interface CenterFixture {
  centerId: string;
  schoolIds: string[];
  advisor: { email: string; password: string };
  /** The center's administrator (role center_admin). */
  admin: { email: string; password: string };
}

let counter = 0;

/** A center with two schools, an advisor and an administrator, all with unique names and codes. */
export async function makeCenter(handle: DatabaseHandle, label = 'center'): Promise<CenterFixture> {
  counter += 1;
  const tag = `${label}-${counter}-${randomInt(1_000_000)}`;
  const centerId = await createCenter(handle.db, `Center ${tag}`);
  const schoolIds = [
    await createSchool(handle.db, { centerId, name: `North ${tag}`, cdsCode: randomCds(), city: 'Fresno' }),
    await createSchool(handle.db, { centerId, name: `South ${tag}`, cdsCode: randomCds(), city: 'Fresno' }),
  ];
  const email = `advisor-${tag}@example.org`;
  await createUser(handle.db, { email, name: `Advisor ${tag}`, role: 'advisor', centerId, password: PASSWORD });
  const adminEmail = `admin-${tag}@example.org`;
  await createUser(handle.db, { email: adminEmail, name: `Admin ${tag}`, role: 'center_admin', centerId, password: PASSWORD });
  return { centerId, schoolIds, advisor: { email, password: PASSWORD }, admin: { email: adminEmail, password: PASSWORD } };
}

/** A random 14-digit CDS code. */
export function randomCds(): string {
  return Array.from({ length: 14 }, () => randomInt(10)).join('');
}

/** A random 10-digit SSID that is not a placeholder. */
export function randomSsid(): string {
  return `9${Array.from({ length: 9 }, () => randomInt(10)).join('')}`;
}

/** A confirmed application that passes the server's checks. */
export function application(schoolId: string, overrides: Partial<ConfirmedApplication> = {}): ConfirmedApplication {
  return {
    ...blankFields(),
    firstName: 'Maria',
    lastName: 'Lopez',
    dateOfBirth: '2011-04-02',
    grade: '8',
    schoolId,
    ssid: randomSsid(),
    ssidSource: 'student_form',
    programYear: '2025-26',
    pafSignedDate: '2025-09-01',
    ...overrides,
  } as ConfirmedApplication;
}

/** A mutation for a new record of a new student. */
export function mutation(mutationId: number, schoolId: string, overrides: Partial<Mutation> = {}): Mutation {
  return {
    mutationId,
    recordId: uuidv7(),
    studentId: uuidv7(),
    version: 1,
    baseServerVersion: null,
    application: application(schoolId),
    ssidSource: 'student_form',
    confirmedAt: new Date().toISOString(),
    ...overrides,
  };
}

/**
 * A finished verification of `app` by two people: every verified field (the
 * four and those `added`) keyed the same by both, except those in `differed`, which the first keyer typed as
 * given there and the paper settled for the second keyer's value.
 */
export function verification(
  app: ConfirmedApplication, enteredBy: string, verifiedBy: string, differed: Partial<Record<string, string>> = {}, added: readonly AddableVerifiedField[] = [],
): Verification {
  const at = new Date().toISOString();
  return {
    enteredBy,
    verifiedBy,
    signedInAs: enteredBy,
    verifiedAt: at,
    fields: verifiedFieldsOf(added).map((field) => {
      const value = app[field];
      const first = differed[field];
      return first === undefined
        ? { field, first: value, second: value, value, by: verifiedBy, at }
        : { field, first, second: value, third: value, value, by: verifiedBy, at };
    }),
  };
}
