/**
 * The demo data `npm start` puts in an empty database: one center, a few schools,
 * an advisor whose sign-in is printed on the console and a second advisor to
 * verify with. Names and CDS codes are made up. The first advisor's password is
 * made for each data directory and kept there, never a published constant: a
 * known password would be a known login on every server started with the demo.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseHandle } from './db/connect';
import { createCenter, createSchool, createUser } from './accounts';

export const DEMO_EMAIL = 'demo@mesa.example';
/**
 * A second advisor, so the demo can show verification: a second keyer picks
 * themselves on the tablet and needs no sign-in, so their password is random
 * and never printed.
 */
export const DEMO_SECOND_ADVISOR = { email: 'demo2@mesa.example', name: 'Demo Second Advisor' };
/** Where the demo password is kept, inside the data directory. */
export const DEMO_PASSWORD_FILE = 'demo-password';

/**
 * The demo password for `dataDir`: the one kept there, or a new random one
 * (96 bits), written readable by the owner only so a restart prints the same.
 */
export function demoPasswordFor(dataDir: string): string {
  const file = path.join(dataDir, DEMO_PASSWORD_FILE);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const password = randomBytes(12).toString('base64url');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600, flag: 'wx' });
  return password;
}

const DEMO_SCHOOLS = [
  { name: 'Bayview Middle School', cdsCode: '01611920000001', city: 'Oakland' },
  { name: 'Hillcrest Middle School', cdsCode: '01611920000002', city: 'Oakland' },
  { name: 'Lakeside High School', cdsCode: '01611920000003', city: 'Berkeley' },
  { name: 'Valley Academy of Science', cdsCode: '01611920000004', city: 'Hayward' },
];

/** Seeds the demo center, schools and advisors, all or nothing. */
export async function seedDemo(handle: DatabaseHandle, password: string): Promise<void> {
  await handle.db.transaction().execute(async (trx) => {
    const centerId = await createCenter(trx, 'Demo MESA Center');
    for (const school of DEMO_SCHOOLS) await createSchool(trx, { centerId, ...school });
    await createUser(trx, { email: DEMO_EMAIL, name: 'Demo Advisor', role: 'advisor', centerId, password });
    await createUser(trx, { ...DEMO_SECOND_ADVISOR, role: 'advisor', centerId, password: randomBytes(12).toString('base64url') });
  });
}
