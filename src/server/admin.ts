/**
 * Administration from the command line, for production set-up without demo data:
 *   npm run admin -- create-center --name "Bay Area MESA"
 *   npm run admin -- create-school --center "Bay Area MESA" --name "..." --cds 01611920130229 [--city Oakland]
 *   npm run admin -- create-user --email a@b.org --name "Ana Ruiz" --center "Bay Area MESA" --role center_admin
 * The password comes from ADMIN_PASSWORD or a hidden prompt. Uses the same
 * DATABASE_URL / DATA_DIR as the server, and migrates first.
 */
import { parseArgs } from 'node:util';
import { PROBLEMS } from '../shared/problems';
import { createCenter, createSchool, createUser } from './accounts';
import { loadConfig } from './config';
import { openDatabase, type DatabaseHandle } from './db/connect';
import { migrate } from './db/migrations';
import { isRole } from './auth/roles';
import { isUniqueViolation } from './db/errors';
import { Problem } from './http/problem';
import { findCenterByIdOrName } from './queries/centers';

const USAGE = `Usage:
  npm run admin -- create-center --name NAME
  npm run admin -- create-school --center CENTER --name NAME --cds CDS_CODE [--city CITY]
  npm run admin -- create-user --email EMAIL --name NAME --center CENTER --role advisor|center_admin|state_admin
CENTER is a center id or its exact name. The password comes from ADMIN_PASSWORD or a prompt.`;

const OPTIONS = {
  name: { type: 'string' }, center: { type: 'string' }, cds: { type: 'string' }, city: { type: 'string' },
  email: { type: 'string' }, role: { type: 'string' },
} as const;

async function run(handle: DatabaseHandle, argv: string[]): Promise<string> {
  const { positionals, values } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  const required = (name: keyof typeof OPTIONS): string => {
    const value = values[name];
    if (value === undefined || value.trim() === '') throw new Error(`--${name} is required.\n${USAGE}`);
    return value;
  };
  const centerId = async (): Promise<string> => {
    const center = await findCenterByIdOrName(handle.db, required('center'));
    if (!center) throw new Error(`No center "${values.center}". Create it first with create-center.`);
    return center.id;
  };
  switch (positionals[0]) {
    case 'create-center':
      return `Created center ${await createCenter(handle.db, required('name'))}`;
    case 'create-school':
      return `Created school ${await createSchool(handle.db, { centerId: await centerId(), name: required('name'), cdsCode: required('cds'), city: values.city ?? '' })}`;
    case 'create-user': {
      const role = required('role');
      if (!isRole(role)) throw new Error(`--role must be advisor, center_admin or state_admin.\n${USAGE}`);
      const input = { email: required('email'), name: required('name'), role, centerId: await centerId() };
      const password = process.env.ADMIN_PASSWORD ?? (await askNewPassword());
      return `Created user ${await createUser(handle.db, { ...input, password })} (${input.email.trim().toLowerCase()})`;
    }
    default:
      throw new Error(USAGE);
  }
}

async function askNewPassword(): Promise<string> {
  const first = await promptHidden('Password: ');
  const second = await promptHidden('Repeat password: ');
  if (first !== second) throw new Error('The two passwords differ.');
  return first;
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  const { stdin, stdout } = process;
  if (!stdin.isTTY) return Promise.reject(new Error('Set ADMIN_PASSWORD, or run this in a terminal to be asked.'));
  stdout.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stdout.write('\n');
    };
    const onData = (chunk: string): void => {
      for (const c of chunk) {
        if (c === '\r' || c === '\n') { finish(); resolve(value); return; }
        if (c === '\u0003') { finish(); reject(new Error('Cancelled.')); return; }
        value = c === '\u007f' || c === '\b' ? value.slice(0, -1) : value + c;
      }
    };
    stdin.on('data', onData);
  });
}

function describe(error: unknown): string {
  if (error instanceof Problem) {
    const fields = (error.details ?? []).map((d) => `  ${d.field}: ${d.message}`).join('\n');
    return [PROBLEMS[error.problem].message, fields].filter(Boolean).join('\n');
  }
  if (isUniqueViolation(error)) {
    return 'That already exists: emails and CDS codes must be unique.';
  }
  return error instanceof Error ? error.message : String(error);
}

const handle = openDatabase(loadConfig());
migrate(handle)
  .then(() => run(handle, process.argv.slice(2)))
  .then((message) => { console.log(message); process.exitCode = 0; })
  .catch((error: unknown) => { console.error(describe(error)); process.exitCode = 1; })
  .finally(() => handle.close().catch((error: unknown) => console.error('Closing the database failed:', error)));
