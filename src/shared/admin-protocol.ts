/**
 * The wire contract of the center administrator's screens (issue 13) and of the
 * first set-up: advisors, schools, tablets, the short history. Parsed by the
 * server on the way in and by the app on the way back.
 */
import { z } from 'zod/mini';
import { ROLES } from './protocol';
import { verificationPolicySchema } from './verification-policy';
import { addableVerifiedFieldSchema, ADDABLE_VERIFIED_FIELDS } from './verification-record';

/** Staff passwords: long enough to resist guessing, short enough to type on a tablet. */
export const MIN_PASSWORD_LENGTH = 10;

/** The roles a center administrator may give: state administrators are made by script. */
export const CENTER_ROLES = ['advisor', 'center_admin'] as const;

const email = z.string().check(z.trim(), z.toLowerCase(), z.email('Enter an email address such as name@school.org.'), z.maxLength(254));
const personName = z.string().check(z.trim(), z.minLength(1, 'Enter a name.'), z.maxLength(120));
const password = z.string().check(z.minLength(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`), z.maxLength(200));

/** A CDS code as people write it ("01-61192-0130229"): spaces and dashes go, then 14 digits. */
export const cdsCodeSchema = z.pipe(z.pipe(z.string().check(z.maxLength(40)), z.transform((value) => value.replace(/[\s-]/g, ''))), z.string().check(z.regex(/^\d{14}$/, 'A CDS code is 14 digits: county (2), district (5), school (7).')));

const schoolName = z.string().check(z.trim(), z.minLength(1, 'Enter the school’s name.'), z.maxLength(200));

/** POST /api/admin/accounts. */
export const newAccountSchema = z.object({ email, name: personName, role: z.enum(CENTER_ROLES) });
export type NewAccount = z.input<typeof newAccountSchema>;

/** One staff account of the center. */
export const accountSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
});
export type Account = z.infer<typeof accountSchema>;

export const accountsResponseSchema = z.object({ accounts: z.array(accountSchema) });

/** A new or reset account: the one-time password is shown to the administrator once. */
export const oneTimePasswordResponseSchema = z.object({ account: accountSchema, oneTimePassword: z.string() });
export type OneTimePasswordResponse = z.infer<typeof oneTimePasswordResponseSchema>;

/** POST /api/admin/schools. */
export const newSchoolSchema = z.object({ name: schoolName, cdsCode: cdsCodeSchema, city: z._default(z.string().check(z.trim(), z.maxLength(80)), '') });
export type NewSchool = z.input<typeof newSchoolSchema>;

/** POST /api/admin/schools/:id/rename. */
export const renameSchoolSchema = z.object({ name: schoolName });

/** One school of the center; a retired one keeps its students and records. */
export const adminSchoolSchema = z.object({ id: z.string(), name: z.string(), cdsCode: z.string(), city: z.string(), retired: z.boolean() });
export type AdminSchool = z.infer<typeof adminSchoolSchema>;

export const adminSchoolsResponseSchema = z.object({ schools: z.array(adminSchoolSchema) });

/** One tablet that has signed in for the center. */
export const tabletSchema = z.object({
  deviceId: z.string(),
  name: z.string(),
  userName: z.string(),
  userEmail: z.string(),
  lastContactAt: z.string(),
  lastPushAt: z.nullable(z.string()),
  revokedAt: z.nullable(z.string()),
  /** Whether any session on it is still live. */
  signedIn: z.boolean(),
  /** How many records it last said it held unsent, and when; null before it reported. */
  unsent: z.nullable(z.object({ records: z.int(), reportedAt: z.string() })),
  /** Its reported records have not arrived: `userName` signed in on an empty tablet after it was last heard from. */
  notArrived: z.nullable(z.object({ records: z.int(), reportedAt: z.string(), emptySignInAt: z.string(), userName: z.string() })),
});
export type Tablet = z.infer<typeof tabletSchema>;

export const tabletsResponseSchema = z.object({ tablets: z.array(tabletSchema) });

/** What an administrator changed, as the history names it. */
export const ADMIN_ACTIONS = [
  'center_created', 'account_created', 'account_disabled', 'account_enabled', 'password_reset',
  'school_added', 'school_renamed', 'school_retired', 'tablet_revoked', 'verification_policy_set',
  'verification_fields_set',
  // A tablet's records that never arrived: dismissed by an administrator, or brought in from a restored backup.
  'unsent_dismissed', 'unsent_recovered',
] as const;
export type AdminAction = (typeof ADMIN_ACTIONS)[number];

/** One line of the center's history: who did what, when. */
export const historyEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  by: z.nullable(z.string()),
  action: z.enum(ADMIN_ACTIONS),
  /** What it was done to: an account's email, a school's name, a tablet's name. */
  subject: z.string(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const historyResponseSchema = z.object({ entries: z.array(historyEntrySchema) });

/** POST /api/admin/verification: the center's setting for verification by a second keyer, its policy or the fields it adds (or both). */
export const verificationPolicyRequestSchema = z.object({
  policy: z.optional(verificationPolicySchema),
  fields: z.optional(z.array(addableVerifiedFieldSchema).check(z.maxLength(ADDABLE_VERIFIED_FIELDS.length))),
}).check(z.refine((request) => request.policy !== undefined || request.fields !== undefined, 'Give the policy or the fields.'));
export type VerificationPolicyRequest = z.infer<typeof verificationPolicyRequestSchema>;

/** POST /api/session/password: the signed-in user sets their own password. */
export const passwordChangeSchema = z.object({ currentPassword: z.string().check(z.minLength(1), z.maxLength(200)), newPassword: password });
export type PasswordChange = z.infer<typeof passwordChangeSchema>;

/** GET /api/setup: whether the first center and administrator are still to be made. */
export const setupStatusSchema = z.object({ needed: z.boolean() });

/** POST /api/setup: the first center and its administrator, guarded by the code printed at start. */
export const setupRequestSchema = z.object({
  setupCode: z.string().check(z.trim(), z.minLength(1, 'Enter the setup code.'), z.maxLength(64)),
  centerName: z.string().check(z.trim(), z.minLength(1, 'Enter the center’s name.'), z.maxLength(200)),
  name: personName,
  email,
  password,
});
export type SetupRequest = z.input<typeof setupRequestSchema>;

/** One school's SSID collection for a program year. */
export const schoolProgressSchema = z.object({
  schoolId: z.string(),
  schoolName: z.string(),
  cdsCode: z.string(),
  enrolled: z.int(),
  withSsid: z.int(),
  bySource: z.object({ school_records: z.int(), student_form: z.int(), student_online: z.int() }),
  confirmedByReturn: z.int(),
  missing: z.int(),
});
export type SchoolProgress = z.infer<typeof schoolProgressSchema>;

/** GET /api/admin/progress: the chosen year, the years there are, and a row per school. */
export const progressResponseSchema = z.object({
  /** The center's name, for the CSV the statewide office gathers from every center. */
  centerName: z.string(),
  programYear: z.string(),
  programYears: z.array(z.string()),
  schools: z.array(schoolProgressSchema),
});
export type ProgressResponse = z.infer<typeof progressResponseSchema>;
