/**
 * The demo data `npm start` puts in an empty database: one center, a few schools
 * and an advisor whose sign-in is printed on the console. Names and CDS codes
 * are made up.
 */
import type { DatabaseHandle } from './db/connect';
import { createCenter, createSchool, createUser } from './accounts';

export const DEMO_EMAIL = 'demo@mesa.example';
export const DEFAULT_DEMO_PASSWORD = 'mesa-demo-2025';

const DEMO_SCHOOLS = [
  { name: 'Bayview Middle School', cdsCode: '01611920000001', city: 'Oakland' },
  { name: 'Hillcrest Middle School', cdsCode: '01611920000002', city: 'Oakland' },
  { name: 'Lakeside High School', cdsCode: '01611920000003', city: 'Berkeley' },
  { name: 'Valley Academy of Science', cdsCode: '01611920000004', city: 'Hayward' },
];

/** Seeds the demo center, schools and advisor, all or nothing. */
export async function seedDemo(handle: DatabaseHandle, password: string): Promise<void> {
  await handle.db.transaction().execute(async (trx) => {
    const centerId = await createCenter(trx, 'Demo MESA Center');
    for (const school of DEMO_SCHOOLS) await createSchool(trx, { centerId, ...school });
    await createUser(trx, { email: DEMO_EMAIL, name: 'Demo Advisor', role: 'advisor', centerId, password });
  });
}
