/**
 * A sign-in for the benchmark on a database that is not fresh (PostgreSQL keeps
 * whatever earlier runs and test suites left, demo advisor included, with their
 * password). Made with the product's own admin command, under names unique to
 * this run so that it never collides with anything already there.
 */
import { execFile } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** An advisor's email and password. */
export interface Credentials {
  email: string;
  password: string;
}

async function admin(rootDir: string, databaseUrl: string, password: string, args: string[]): Promise<void> {
  await run(process.execPath, ['--import', 'tsx', 'src/server/admin.ts', ...args], {
    cwd: rootDir,
    env: { ...process.env, DATABASE_URL: databaseUrl, ADMIN_PASSWORD: password },
  });
}

/** Creates a center, one school and an advisor for this run on `databaseUrl`; returns the advisor's sign-in. */
export async function createBenchAdvisor(rootDir: string, databaseUrl: string): Promise<Credentials> {
  const runId = randomBytes(4).toString('hex');
  const center = `Bench center ${runId}`;
  const credentials = { email: `bench-${runId}@mesa.example`, password: randomBytes(12).toString('base64url') };
  // A made-up 14-digit CDS code starting 99, which no county uses.
  const cds = `99${String(randomInt(0, 1e12)).padStart(12, '0')}`;
  await admin(rootDir, databaseUrl, credentials.password, ['create-center', '--name', center]);
  await admin(rootDir, databaseUrl, credentials.password, ['create-school', '--center', center, '--name', 'Bench High School', '--cds', cds, '--city', 'Oakland']);
  await admin(rootDir, databaseUrl, credentials.password, ['create-user', '--email', credentials.email, '--name', 'Bench Advisor', '--center', center, '--role', 'advisor']);
  return credentials;
}
