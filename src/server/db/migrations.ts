/**
 * Schema migrations, in code, applied in order at start. Kysely does not wrap
 * migrations in a transaction on SQLite, so each one runs in its own
 * transaction here, together with the row that records it. On PostgreSQL an
 * advisory lock keeps two instances starting at once from racing.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DatabaseHandle, Dialect } from './connect';
import type { Database } from './schema';

interface Migration {
  name: string;
  up(trx: Transaction<Database>, dialect: Dialect): Promise<void>;
}

/** Never edit a migration that has shipped: add a new one. */
const MIGRATIONS: readonly Migration[] = [
  {
    name: '001_initial',
    async up(trx) {
      await trx.schema.createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
      await trx.schema.createTable('counters')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'bigint', (c) => c.notNull())
        .execute();
      await trx.insertInto('counters').values({ name: 'change', value: 0 }).execute();

      await trx.schema.createTable('centers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await trx.schema.createTable('schools')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('center_id', 'text', (c) => c.notNull().references('centers.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('cds_code', 'text', (c) => c.notNull().unique().check(sql`length(cds_code) = 14`))
        .addColumn('city', 'text', (c) => c.notNull())
        .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_seq', 'bigint', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // Pull reads a center's schools changed since a checkpoint.
      await trx.schema.createIndex('schools_center_seq').on('schools').columns(['center_id', 'updated_seq']).execute();

      await trx.schema.createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('advisor', 'center_admin', 'state_admin')`))
        .addColumn('center_id', 'text', (c) => c.notNull().references('centers.id'))
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await trx.schema.createTable('sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      // Revoking every session of a user or device.
      await trx.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

      await trx.schema.createTable('devices')
        .addColumn('device_id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('last_applied_mutation_id', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .execute();

      await trx.schema.createTable('students')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('center_id', 'text', (c) => c.notNull().references('centers.id'))
        .addColumn('first_name', 'text', (c) => c.notNull())
        .addColumn('middle_name', 'text', (c) => c.notNull())
        .addColumn('last_name', 'text', (c) => c.notNull())
        .addColumn('date_of_birth', 'text', (c) => c.notNull())
        .addColumn('grade', 'text', (c) => c.notNull())
        .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
        .addColumn('school_student_id', 'text', (c) => c.notNull())
        .addColumn('ssid', 'text', (c) => c.check(sql`ssid is null or length(ssid) = 10`))
        .addColumn('ssid_source', 'text')
        .addColumn('ssid_confirmed_at', 'text')
        .addColumn('ssid_confirmed_by', 'text')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('updated_seq', 'bigint', (c) => c.notNull())
        .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // An SSID is one student's for life: unique where present.
      await trx.schema.createIndex('students_ssid').on('students').column('ssid').unique().where(sql.ref('ssid'), 'is not', null).execute();
      // Pull reads a center's roster changed since a checkpoint.
      await trx.schema.createIndex('students_center_seq').on('students').columns(['center_id', 'updated_seq']).execute();
      // The students list orders and searches by name within a center.
      await trx.schema.createIndex('students_center_name').on('students').columns(['center_id', 'last_name', 'first_name']).execute();

      await trx.schema.createTable('enrollments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
        .addColumn('center_id', 'text', (c) => c.notNull().references('centers.id'))
        .addColumn('program_year', 'text', (c) => c.notNull())
        .addColumn('application', 'text', (c) => c.notNull())
        .addColumn('paf_status', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('submitted', 'needs_review', 'approved')`))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('client_version', 'integer', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addColumn('updated_by_device', 'text', (c) => c.notNull())
        .addColumn('confirmed_at', 'text', (c) => c.notNull())
        .addColumn('updated_seq', 'bigint', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // A student's enrollments, newest program year first.
      await trx.schema.createIndex('enrollments_student').on('enrollments').columns(['student_id', 'program_year']).execute();

      await trx.schema.createTable('ssid_policy')
        .addColumn('scope', 'text', (c) => c.primaryKey())
        .addColumn('required_from', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await trx.insertInto('ssid_policy').values({ scope: 'global', required_from: '2015-07-01', updated_at: new Date().toISOString() }).execute();

      await trx.schema.createTable('audit_log')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('old_value', 'text')
        .addColumn('new_value', 'text')
        .execute();
      // The history of one record.
      await trx.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity', 'entity_id']).execute();

      await trx.schema.createTable('rate_limits')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('window_start', 'text', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .execute();
    },
  },
  {
    // Students re-enroll online (pending_approval), and approval is recorded.
    name: '002_enrollment_approval',
    async up(trx, dialect) {
      const statuses = sql`status in ('submitted', 'needs_review', 'approved', 'pending_approval')`;
      if (dialect === 'postgres') {
        await sql`alter table enrollments drop constraint enrollments_status_check`.execute(trx);
        await sql`alter table enrollments add constraint enrollments_status_check check (${statuses})`.execute(trx);
      } else {
        // SQLite cannot change a check constraint: rebuild the table (nothing references it).
        await trx.schema.createTable('enrollments_next')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('student_id', 'text', (c) => c.notNull().references('students.id'))
          .addColumn('center_id', 'text', (c) => c.notNull().references('centers.id'))
          .addColumn('program_year', 'text', (c) => c.notNull())
          .addColumn('application', 'text', (c) => c.notNull())
          .addColumn('paf_status', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull().check(statuses))
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('client_version', 'integer', (c) => c.notNull())
          .addColumn('updated_by', 'text', (c) => c.notNull())
          .addColumn('updated_by_device', 'text', (c) => c.notNull())
          .addColumn('confirmed_at', 'text', (c) => c.notNull())
          .addColumn('updated_seq', 'bigint', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await sql`insert into enrollments_next select * from enrollments`.execute(trx);
        await trx.schema.dropTable('enrollments').execute();
        await trx.schema.alterTable('enrollments_next').renameTo('enrollments').execute();
        await trx.schema.createIndex('enrollments_student').on('enrollments').columns(['student_id', 'program_year']).execute();
      }
      await trx.schema.alterTable('enrollments').addColumn('origin', 'text', (c) => c.notNull().defaultTo('tablet')).execute();
      await trx.schema.alterTable('enrollments').addColumn('approved_at', 'text').execute();
      await trx.schema.alterTable('enrollments').addColumn('approved_by', 'text').execute();
      // The approvals list: a center's enrollments waiting for the advisor.
      await trx.schema.createIndex('enrollments_center_status').on('enrollments').columns(['center_id', 'status']).execute();
    },
  },
  {
    // One enrollment per student and program year, enforced by the database too.
    // An old database may hold several (an online re-enrollment and a paper, before
    // the push knew the rule): none is deleted; all but one of each group are
    // marked `duplicate_of` the one kept, and the unique index leaves them out.
    name: '003_one_enrollment_per_year',
    async up(trx) {
      await trx.schema.alterTable('enrollments').addColumn('duplicate_of', 'text').execute();
      const rows = await trx.selectFrom('enrollments')
        .select(['id', 'student_id', 'program_year', 'status', 'origin', 'created_at'])
        .where((eb) => eb.exists(eb.selectFrom('enrollments as other').select('other.id')
          .whereRef('other.student_id', '=', 'enrollments.student_id')
          .whereRef('other.program_year', '=', 'enrollments.program_year')
          .whereRef('other.id', '<>', 'enrollments.id')))
        .execute();
      const at = new Date().toISOString();
      for (const group of groupBy(rows, (r) => `${r.student_id}|${r.program_year}`)) {
        const [kept, ...others] = [...group].sort(keptFirst);
        for (const other of others) {
          await trx.updateTable('enrollments').set({ duplicate_of: kept!.id }).where('id', '=', other.id).execute();
          await trx.insertInto('audit_log').values({
            id: `003-${other.id}`, at, user_id: null, action: 'enrollment_marked_duplicate', entity: 'enrollment', entity_id: other.id, old_value: null, new_value: kept!.id,
          }).execute();
        }
      }
      await trx.schema.createIndex('enrollments_one_per_year').on('enrollments').columns(['student_id', 'program_year']).unique()
        .where(sql.ref('duplicate_of'), 'is', null).execute();
    },
  },
  {
    // Center administrators manage advisors and tablets in the app (issue 13).
    name: '004_center_admin',
    async up(trx) {
      // An account made or reset by an administrator signs in once with a one-time password, then sets its own.
      await trx.schema.alterTable('users').addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      // 'device_revoked' when an administrator cut the tablet off, so it can be told why.
      await trx.schema.alterTable('sessions').addColumn('revoke_reason', 'text').execute();
      // Revoking every session of one tablet at once.
      await trx.schema.createIndex('sessions_device').on('sessions').column('device_id').execute();
      await trx.schema.alterTable('devices').addColumn('last_push_at', 'text').execute();
      await trx.schema.alterTable('devices').addColumn('revoked_at', 'text').execute();
    },
  },
  {
    // A device's mutation ledger belongs to the device and the user it serves
    // (design section 8): another account signing in with the same device id
    // gets a ledger of its own instead of moving or advancing this one.
    name: '005_device_ledger_per_user',
    async up(trx, dialect) {
      if (dialect === 'postgres') {
        await sql`alter table devices drop constraint devices_pkey`.execute(trx);
        await sql`alter table devices add primary key (device_id, user_id)`.execute(trx);
      } else {
        // SQLite cannot change a primary key: rebuild the table (nothing references it).
        await trx.schema.createTable('devices_next')
          .addColumn('device_id', 'text', (c) => c.notNull())
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('last_applied_mutation_id', 'bigint', (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('last_seen_at', 'text', (c) => c.notNull())
          .addColumn('last_push_at', 'text')
          .addColumn('revoked_at', 'text')
          .addPrimaryKeyConstraint('devices_pkey', ['device_id', 'user_id'])
          .execute();
        await sql`insert into devices_next (device_id, user_id, name, last_applied_mutation_id, created_at, last_seen_at, last_push_at, revoked_at)
          select device_id, user_id, name, last_applied_mutation_id, created_at, last_seen_at, last_push_at, revoked_at from devices`.execute(trx);
        await trx.schema.dropTable('devices').execute();
        await trx.schema.alterTable('devices_next').renameTo('devices').execute();
      }
      // Expired attempt counters are purged by age on every attempt.
      await trx.schema.createIndex('rate_limits_window_start').on('rate_limits').column('window_start').execute();
    },
  },
  {
    // The SSID progress view (issue 13) counts one center's enrollments of one
    // year: found by center and year instead of by reading every student, and
    // the school returns that confirmed an SSID by their action.
    name: '006_progress_indexes',
    async up(trx) {
      await trx.schema.createIndex('enrollments_center_year').on('enrollments').columns(['center_id', 'program_year', 'student_id'])
        .where(sql.ref('duplicate_of'), 'is', null).execute();
      await trx.schema.createIndex('audit_log_action').on('audit_log').columns(['action', 'entity', 'entity_id']).execute();
    },
  },
  {
    // A second keyer verifies a sheet (issue 10). Rows from before stay as they
    // were: null everywhere reads as "typed once".
    name: '007_verification',
    async up(trx) {
      // The verification that came with the enrollment's current version, as JSON, and who keyed it.
      await trx.schema.alterTable('enrollments').addColumn('verification', 'text').execute();
      await trx.schema.alterTable('enrollments').addColumn('entered_by', 'text').execute();
      await trx.schema.alterTable('enrollments').addColumn('verified_by', 'text').execute();
      // How many verified fields the two keyers typed differently, and whether the SSID was one (0/1).
      await trx.schema.alterTable('enrollments').addColumn('fields_differed', 'integer').execute();
      await trx.schema.alterTable('enrollments').addColumn('ssid_differed', 'integer').execute();
      // Who keyed the student's SSID when a second keyer verified it; null: typed once (or not from a paper).
      await trx.schema.alterTable('students').addColumn('ssid_entered_by', 'text').execute();
      await trx.schema.alterTable('students').addColumn('ssid_verified_by', 'text').execute();
    },
  },
  {
    // The center's setting for verification by a second keyer (issue 10): every
    // center starts 'off', as before; 'required' keeps the moment it was set, so
    // sheets confirmed before it stay valid, typed once.
    name: '008_center_verification',
    async up(trx) {
      await trx.schema.alterTable('centers').addColumn('verification_policy', 'text', (c) => c.notNull().defaultTo('off')).execute();
      await trx.schema.alterTable('centers').addColumn('verification_required_since', 'text').execute();
    },
  },
  {
    // Loss is never silent (issue 13): what each tablet last said it held
    // unsent, when its user signed in again on an empty tablet, and how the
    // report was settled. Rows from before have no report: null everywhere.
    name: '009_unsent_reports',
    async up(trx) {
      await trx.schema.alterTable('devices').addColumn('unsent_records', 'integer').execute();
      await trx.schema.alterTable('devices').addColumn('unsent_reported_at', 'text').execute();
      await trx.schema.alterTable('devices').addColumn('empty_sign_in_at', 'text').execute();
      await trx.schema.alterTable('devices').addColumn('unsent_dismissed_at', 'text').execute();
      await trx.schema.alterTable('devices').addColumn('unsent_recovered_at', 'text').execute();
    },
  },
  {
    // Verification on another tablet (issue 10): who typed each record's
    // current version and on which tablet, and while it waits for a second
    // keyer elsewhere, the batch it came in and its place in the stack. Rows
    // from before: null everywhere (typed once, waiting for nobody).
    name: '010_verify_elsewhere',
    async up(trx) {
      await trx.schema.alterTable('enrollments').addColumn('keyed_by', 'text').execute();
      await trx.schema.alterTable('enrollments').addColumn('keyed_on_device', 'text').execute();
      await trx.schema.alterTable('enrollments').addColumn('verify_batch', 'text').execute();
      await trx.schema.alterTable('enrollments').addColumn('verify_sheet', 'integer').execute();
      await trx.schema.createIndex('enrollments_verify_batch').on('enrollments').columns(['center_id', 'verify_batch']).execute();
    },
  },
  {
    // A second look at the paper (issue 10): who read the SSID on the paper
    // where the three keyings agreed on nothing. Rows from before: null (no
    // second look was taken).
    name: '011_ssid_second_look',
    async up(trx) {
      await trx.schema.alterTable('students').addColumn('ssid_second_look_by', 'text').execute();
    },
  },
  {
    // Fields a center verifies besides the required four (issue 10). Centers
    // from before verify the four: an empty list.
    name: '012_verified_fields',
    async up(trx) {
      await trx.schema.alterTable('centers').addColumn('verification_fields', 'text', (c) => c.notNull().defaultTo('[]')).execute();
    },
  },
  {
    // A sheet sent for a second keyer on another tablet waits to have the
    // fields its batch added to the four verified too (issue 10): their names,
    // as JSON. Rows from before, and sheets sent without added fields: null.
    name: '013_verify_fields',
    async up(trx) {
      await trx.schema.alterTable('enrollments').addColumn('verify_fields', 'text').execute();
    },
  },
];

/** Applies every migration not yet applied; returns the names it applied. */
export async function migrate(handle: DatabaseHandle): Promise<string[]> {
  const applied: string[] = [];
  for (const migration of MIGRATIONS) {
    const ran = await handle.db.transaction().execute(async (trx) => {
      // SQLite's BEGIN IMMEDIATE already excludes other writers.
      if (handle.dialect === 'postgres') await sql`select pg_advisory_xact_lock(7261101)`.execute(trx);
      await ensureMigrationsTable(trx);
      const done = await trx.selectFrom('schema_migrations').select('name').where('name', '=', migration.name).executeTakeFirst();
      if (done) return false;
      await migration.up(trx, handle.dialect);
      await trx.insertInto('schema_migrations').values({ name: migration.name, applied_at: new Date().toISOString() }).execute();
      return true;
    });
    if (ran) applied.push(migration.name);
  }
  return applied;
}

/** Rows that share a key, one array per key. */
function groupBy<T>(rows: readonly T[], key: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return [...groups.values()];
}

type YearRow = { id: string; status: string; origin: string; created_at: string };

/** The enrollment kept of a year's several: an approved one, then a paper (it has the application), then the oldest. */
function keptFirst(a: YearRow, b: YearRow): number {
  const rank = (r: YearRow) => (r.status === 'approved' ? 0 : 2) + (r.origin === 'tablet' ? 0 : 1);
  return rank(a) - rank(b) || a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id);
}

async function ensureMigrationsTable(db: Kysely<Database>): Promise<void> {
  await db.schema.createTable('schema_migrations').ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
}
