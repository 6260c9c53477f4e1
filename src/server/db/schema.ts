/**
 * The server's tables as TypeScript types, for Kysely. Column types are ones
 * SQLite and PostgreSQL agree on: text ids, integer/bigint counters, ISO-8601
 * text timestamps (they sort as text), and 0/1 integers for booleans.
 */
import type { Generated } from 'kysely';
import type { Role } from '../auth/roles';

export interface SchemaMigrationsTable {
  name: string;
  applied_at: string;
}

/** Server-wide key/value settings that must be shared by every instance (e.g. the HMAC secret). */
export interface SettingsTable {
  key: string;
  value: string;
}

/** Named counters; `change` is the change sequence behind pull checkpoints. */
export interface CountersTable {
  name: string;
  value: number;
}

export interface CentersTable {
  id: string;
  name: string;
  created_at: string;
  /** Verification by a second keyer: 'off', 'default' or 'required' (shared/verification-policy.ts; migration 008). */
  verification_policy: Generated<string>;
  /** When the center last set 'required'; null otherwise. */
  verification_required_since: string | null;
  /** The fields the center verifies besides the required four, as a JSON array (migration 012). */
  verification_fields: Generated<string>;
}

export interface SchoolsTable {
  id: string;
  center_id: string;
  name: string;
  /** 14 digits: county (2), district (5), school (7). */
  cds_code: string;
  city: string;
  deleted: number;
  updated_seq: number;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  /** Stored lower-case. */
  email: string;
  name: string;
  role: Role;
  center_id: string;
  password_hash: string;
  disabled: number;
  created_at: string;
  /** 1 after an administrator set a one-time password: only the password change is allowed. */
  must_change_password: Generated<number>;
}

export interface SessionsTable {
  /** sha256 of the bearer token, hex: a leaked table gives no usable token. */
  token_hash: string;
  user_id: string;
  device_id: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  /** Why it was revoked, when the tablet should be told: 'device_revoked'. */
  revoke_reason: string | null;
}

export interface DevicesTable {
  /** With `user_id`, the key: one ledger per device and user (migration 003). */
  device_id: string;
  /** The user this ledger serves; another user on the same device has a row of their own. */
  user_id: string;
  name: string;
  /** Highest mutation id this device and user have had processed; pushes skip ids at or below it. */
  last_applied_mutation_id: number;
  created_at: string;
  last_seen_at: string;
  last_push_at: string | null;
  /** When an administrator last ended every session of this tablet. */
  revoked_at: string | null;
  /** How many records the tablet last said it held unsent, and when (migration 009); null before any report. */
  unsent_records: number | null;
  unsent_reported_at: string | null;
  /** When this user last signed in here with an empty store. */
  empty_sign_in_at: string | null;
  /** When an administrator dismissed the report after looking for a backup. */
  unsent_dismissed_at: string | null;
  /** When a backup of this tablet, restored elsewhere, brought its records in. */
  unsent_recovered_at: string | null;
}

export interface StudentsTable {
  id: string;
  center_id: string;
  first_name: string;
  middle_name: string;
  last_name: string;
  date_of_birth: string;
  grade: string;
  school_id: string;
  school_student_id: string;
  /** CA SSID, unique where present. */
  ssid: string | null;
  ssid_source: string | null;
  ssid_confirmed_at: string | null;
  ssid_confirmed_by: string | null;
  /** The two users who keyed the SSID when a second keyer verified it (migration 007); null: typed once. */
  ssid_entered_by: string | null;
  ssid_verified_by: string | null;
  /** Who read the SSID on the paper where the keyings settled nothing (migration 011); null: no second look. */
  ssid_second_look_by: string | null;
  version: number;
  updated_seq: number;
  deleted: number;
  created_at: string;
  updated_at: string;
}

/** `pending_approval`: a student re-enrolled online and waits for the advisor. */
export const ENROLLMENT_STATUSES = ['submitted', 'needs_review', 'approved', 'pending_approval'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];
export type PafStatus = 'signed' | 'missing';
/** Where an enrollment came from: an advisor's tablet, or the student's re-enrollment page. */
export type EnrollmentOrigin = 'tablet' | 'student_online';

export interface EnrollmentsTable {
  /** The application record id made on the tablet. */
  id: string;
  student_id: string;
  center_id: string;
  program_year: string;
  /** The confirmed application as JSON text. */
  application: string;
  paf_status: PafStatus;
  status: EnrollmentStatus;
  /** Server version: 1 on first write, +1 on each applied change. */
  version: number;
  /** The tablet's own version counter of the last applied write; 0 for one made online. */
  client_version: number;
  /** The user (and their device) who last changed it; empty for a student's online re-enrollment. */
  updated_by: string;
  updated_by_device: string;
  confirmed_at: string;
  updated_seq: number;
  created_at: string;
  updated_at: string;
  origin: Generated<EnrollmentOrigin>;
  approved_at: string | null;
  approved_by: string | null;
  /**
   * Set only by migration 003 on an old database's second enrollment of one
   * student and year: the enrollment kept as that year's one. The row is kept,
   * outside the one-per-year rule.
   */
  duplicate_of: string | null;
  /** The verification (shared/verification-record.ts) that came with the current version, as JSON; null: typed once. */
  verification: string | null;
  entered_by: string | null;
  verified_by: string | null;
  /** Verified fields the two keyers typed differently, and whether the SSID was one (0/1). */
  fields_differed: number | null;
  ssid_differed: number | null;
  /** Who typed the current version's verified fields (its verification's first keyer), and on which tablet (migration 010). */
  keyed_by: string | null;
  keyed_on_device: string | null;
  /** While the version waits for a second keyer on another tablet: the tablet's batch and the sheet's place in it; else null. */
  verify_batch: string | null;
  verify_sheet: number | null;
  /** While it waits so: the fields its batch added to the verified four (JSON array of names), null for none. */
  verify_fields: string | null;
}

export interface SsidPolicyTable {
  /** 'global' or a center id. */
  scope: string;
  required_from: string;
  updated_at: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  user_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  old_value: string | null;
  new_value: string | null;
}

export interface RateLimitsTable {
  key: string;
  window_start: string;
  count: number;
}

/** Every table, for `Kysely<Database>`. */
export interface Database {
  schema_migrations: SchemaMigrationsTable;
  settings: SettingsTable;
  counters: CountersTable;
  centers: CentersTable;
  schools: SchoolsTable;
  users: UsersTable;
  sessions: SessionsTable;
  devices: DevicesTable;
  students: StudentsTable;
  enrollments: EnrollmentsTable;
  ssid_policy: SsidPolicyTable;
  audit_log: AuditLogTable;
  rate_limits: RateLimitsTable;
}
