/**
 * The paper enrollment application (design section 2) as data.
 *
 * `applicationFieldsSchema` is what a draft may hold: every field a string (or a
 * list of strings), possibly empty, so that every keystroke can be saved.
 * `confirmedApplicationSchema` is what may leave the tablet: the same fields with
 * the rules a confirmed record must meet. The server validates pushes with it.
 */
import { z } from 'zod/mini';
import { todayIso } from './dates';
import type { Issue } from './ssid';
import { storedDateProblem, type DateKind } from './typed-dates';

export const SSID_SOURCES = ['student_form', 'school_records', 'student_online'] as const;
export const ssidSourceSchema = z.enum(SSID_SOURCES);
export type SsidSource = z.infer<typeof ssidSourceSchema>;

export const GRADES = ['K', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'] as const;

/** ISO calendar date, as typed into <input type="date">. */
export const isoDateSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the form YYYY-MM-DD.'), z.refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'Not a real calendar date.'));

/** Program years run July to June and are written "2025-26". */
export const programYearSchema = z.string().check(z.regex(/^(\d{4})-(\d{2})$/, 'Use the form 2025-26.'), z.refine((s) => (Number(s.slice(0, 4)) + 1) % 100 === Number(s.slice(5)), 'The second year must follow the first.'));

const text = (max: number) => z.string().check(z.maxLength(max));

/** Every field on the paper, as a draft holds it. */
export const applicationFieldsSchema = z.object({
  firstName: text(80),
  middleName: text(80),
  lastName: text(80),
  dateOfBirth: text(10),
  gender: text(40),
  grade: text(2),
  schoolId: text(64),
  ssid: text(32),
  ssidSource: z.union([ssidSourceSchema, z.literal('')]),
  schoolStudentId: text(32),
  email: text(254),
  phone: text(32),
  street: text(120),
  city: text(80),
  zip: text(10),
  ethnicity: z.array(text(60)).check(z.maxLength(12)),
  parentEducation: text(60),
  freeReducedLunch: text(10),
  homeLanguage: text(60),
  guardianName: text(120),
  guardianRelationship: text(40),
  guardianPhone: text(32),
  guardianEmail: text(254),
  studentSignedDate: text(10),
  pafSignedDate: text(10),
  mediaRelease: text(3),
  programYear: text(7),
  advisor: text(120),
  dateReceived: text(10),
  /**
   * 'yes' once the advisor ticked "The paper shows this" for a birth date
   * unusual for the grade (grade-age.ts). Not on the paper: the advisor's
   * word, kept with the fields so the server sees it. Absent in rows stored
   * before it existed, which read as not ticked.
   */
  dateOfBirthChecked: z._default(text(3), ''),
});
export type ApplicationFields = z.infer<typeof applicationFieldsSchema>;
export type FieldName = keyof ApplicationFields;

/** A blank paper form. */
export function blankFields(defaults: Partial<ApplicationFields> = {}): ApplicationFields {
  return {
    firstName: '', middleName: '', lastName: '', dateOfBirth: '', gender: '', grade: '', schoolId: '',
    ssid: '', ssidSource: '', schoolStudentId: '', email: '', phone: '', street: '', city: '', zip: '',
    ethnicity: [], parentEducation: '', freeReducedLunch: '', homeLanguage: '',
    guardianName: '', guardianRelationship: '', guardianPhone: '', guardianEmail: '',
    studentSignedDate: '', pafSignedDate: '', mediaRelease: '', programYear: '', advisor: '', dateReceived: '',
    dateOfBirthChecked: '',
    ...defaults,
  };
}

/**
 * A date field of a record that may leave the tablet: ISO, a real date, its
 * year from 1900 to this year, with the typed-date reader's own message, so
 * the server refuses what the tablet refuses in the same words.
 */
function paperDateSchema(kind: DateKind, required: boolean) {
  return z.string().check(z.superRefine((value, ctx) => {
    if (value === '' && !required) return;
    const found = storedDateProblem(value, todayIso(), kind);
    if (found) ctx.addIssue({ code: 'custom', message: found.message });
  }));
}
const optionalDate = paperDateSchema('event', false);
const optionalEmail = z.union([z.literal(''), z.email('Not an email address.')]);

/** What blocks confirming a birth date unusual for the grade until the advisor ticks the box: the warning's words, then what to do. */
export function dobUncheckedMessage(warning: Issue): string {
  return `${warning.message} If it really shows this date, tick “The paper shows this”.`;
}

/**
 * What a confirmed record must satisfy; the server re-checks every push with
 * it. A birth date unusual for the grade is not refused here: it is a warning
 * the tablet asks the advisor to tick (validate.ts), like an odd SSID, and the
 * server must still take records confirmed before the tick existed, online
 * re-enrollments and approvals, where there is no paper to tick.
 */
export const confirmedApplicationSchema = z.extend(applicationFieldsSchema, {
  firstName: text(80).check(z.trim(), z.minLength(1, 'First name is required.')),
  lastName: text(80).check(z.trim(), z.minLength(1, 'Last name is required.')),
  dateOfBirth: paperDateSchema('birth', true),
  grade: z.enum(GRADES, 'Choose a grade.'),
  schoolId: text(64).check(z.minLength(1, 'Choose the school.')),
  ssid: z.union([z.literal(''), z.string().check(z.regex(/^\d{10}$/, 'A CA SSID is exactly 10 digits.'))]),
  email: optionalEmail,
  guardianEmail: optionalEmail,
  zip: z.union([z.literal(''), z.string().check(z.regex(/^\d{5}(-\d{4})?$/, 'A ZIP code is 5 digits.'))]),
  studentSignedDate: optionalDate,
  pafSignedDate: optionalDate,
  dateReceived: optionalDate,
  programYear: programYearSchema,
  dateOfBirthChecked: z._default(z.union([z.literal(''), z.literal('yes')]), ''),
});
export type ConfirmedApplication = z.infer<typeof confirmedApplicationSchema>;

/** How a field is keyed; decides the input element and the on-screen keyboard. */
export type FieldKind = 'text' | 'date' | 'select' | 'multi' | 'ssid' | 'email' | 'tel' | 'zip' | 'school' | 'yesno';

/** One line of the paper form, in the order the advisor reads it. */
export interface FieldDef {
  name: FieldName;
  label: string;
  section: string;
  kind: FieldKind;
  required?: boolean;
  options?: readonly string[];
  /** Words to show for option values that are codes. */
  optionLabels?: Readonly<Record<string, string>>;
  /** Carries over from one form to the next within a batch. */
  batchDefault?: boolean;
  /**
   * The app fills it for the advisor (the batch's school: a batch is one
   * school's stack; where the SSID came from: the paper being typed), so Enter
   * passes over it while it holds a value. Tab, Shift+Tab and a tap still reach it.
   */
  filledForAdvisor?: boolean;
  /** Whole values common on the paper: one typed in full moves on by itself (keying.ts); any other value is typed, then Enter. */
  words?: readonly string[];
}

export const ETHNICITIES = [
  'American Indian or Alaska Native', 'Asian', 'Black or African American', 'Filipino',
  'Hispanic or Latino', 'Native Hawaiian or Pacific Islander', 'White', 'Two or more', 'Declined to state',
] as const;

export const PARENT_EDUCATION = [
  'Did not finish high school', 'High school graduate', 'Some college', 'Associate degree',
  'Bachelor’s degree', 'Graduate degree', 'Unknown',
] as const;

/**
 * Home languages as families write them: those California's schools report
 * most, English first. CALPADS codes over 400 languages since 2023-24, so the
 * field stays free text; the list only lets a whole name move on by itself.
 */
export const HOME_LANGUAGES = [
  'English', 'Spanish', 'Vietnamese', 'Mandarin', 'Cantonese', 'Chinese', 'Arabic', 'Filipino', 'Tagalog', 'Korean',
  'Hmong', 'Punjabi', 'Russian', 'Armenian', 'Farsi', 'Persian', 'Dari', 'Pashto', 'Japanese', 'Hindi', 'Urdu',
  'Portuguese', 'Khmer', 'Lao', 'Ukrainian', 'French', 'Mixteco', 'Telugu', 'Tamil', 'Gujarati', 'Bengali',
  'Somali', 'Thai', 'Samoan', 'Tongan', 'Ilocano', 'Burmese', 'Amharic', 'Tigrinya', 'Indonesian', 'Italian', 'German',
] as const;

/** How a parent or guardian is related to the student, as the paper's line usually says it ("Other" is left out: it comes with words after it). */
export const GUARDIAN_RELATIONSHIPS = [
  'Mother', 'Father', 'Parent', 'Stepmother', 'Stepfather', 'Grandmother', 'Grandfather', 'Grandparent',
  'Aunt', 'Uncle', 'Sister', 'Brother', 'Guardian', 'Legal guardian', 'Foster parent', 'Foster mother', 'Foster father',
] as const;

/**
 * The statewide paper form, section by section. Centers that print their own
 * variant pass their own list; nothing else in the app depends on this order.
 */
export const DEFAULT_FORM: readonly FieldDef[] = [
  { name: 'firstName', label: 'First name', section: 'Student', kind: 'text', required: true },
  { name: 'middleName', label: 'Middle name', section: 'Student', kind: 'text' },
  { name: 'lastName', label: 'Last name', section: 'Student', kind: 'text', required: true },
  { name: 'dateOfBirth', label: 'Date of birth', section: 'Student', kind: 'date', required: true },
  { name: 'gender', label: 'Gender', section: 'Student', kind: 'select', options: ['Female', 'Male', 'Non-binary', 'Declined to state'] },
  { name: 'grade', label: 'Grade', section: 'Student', kind: 'select', options: GRADES, required: true, batchDefault: true },
  { name: 'schoolId', label: 'School', section: 'Student', kind: 'school', required: true, batchDefault: true, filledForAdvisor: true },
  { name: 'ssid', label: 'CA SSID', section: 'Student', kind: 'ssid' },
  {
    name: 'ssidSource', label: 'CA SSID taken from', section: 'Student', kind: 'select', options: SSID_SOURCES, filledForAdvisor: true,
    optionLabels: { student_form: 'Student wrote it on the form', school_records: 'School records', student_online: 'Student entered it online' },
  },
  { name: 'schoolStudentId', label: 'School Student ID', section: 'Student', kind: 'text' },
  { name: 'email', label: 'Email', section: 'Student', kind: 'email' },
  { name: 'phone', label: 'Phone', section: 'Student', kind: 'tel' },
  { name: 'street', label: 'Street address', section: 'Student', kind: 'text' },
  { name: 'city', label: 'City', section: 'Student', kind: 'text' },
  { name: 'zip', label: 'ZIP code', section: 'Student', kind: 'zip' },
  { name: 'ethnicity', label: 'Ethnicity (all that apply)', section: 'Background', kind: 'multi', options: ETHNICITIES },
  { name: 'parentEducation', label: 'Parents’ highest education', section: 'Background', kind: 'select', options: PARENT_EDUCATION },
  { name: 'freeReducedLunch', label: 'Free or reduced-price lunch', section: 'Background', kind: 'yesno' },
  { name: 'homeLanguage', label: 'Primary home language', section: 'Background', kind: 'text', words: HOME_LANGUAGES },
  { name: 'guardianName', label: 'Parent/guardian name', section: 'Parent/guardian', kind: 'text' },
  { name: 'guardianRelationship', label: 'Relationship', section: 'Parent/guardian', kind: 'text', words: GUARDIAN_RELATIONSHIPS },
  { name: 'guardianPhone', label: 'Parent/guardian phone', section: 'Parent/guardian', kind: 'tel' },
  { name: 'guardianEmail', label: 'Parent/guardian email', section: 'Parent/guardian', kind: 'email' },
  { name: 'studentSignedDate', label: 'Student signed on', section: 'Signatures', kind: 'date' },
  { name: 'pafSignedDate', label: 'Parent Authorization Form signed on', section: 'Signatures', kind: 'date' },
  { name: 'mediaRelease', label: 'Media release', section: 'Signatures', kind: 'yesno' },
  { name: 'programYear', label: 'Program year', section: 'Office use', kind: 'text', required: true, batchDefault: true },
  { name: 'dateReceived', label: 'Date received', section: 'Office use', kind: 'date', batchDefault: true },
];

/** A form's fields grouped by section, in paper order: each section's name and its fields. */
export function formSections(form: readonly FieldDef[]): [string, FieldDef[]][] {
  const out: [string, FieldDef[]][] = [];
  for (const def of form) {
    const last = out[out.length - 1];
    if (last && last[0] === def.section) last[1].push(def);
    else out.push([def.section, [def]]);
  }
  return out;
}

const FIELD_LABELS = new Map<string, string>(DEFAULT_FORM.map((def) => [def.name, def.label]));

/** A paper field's label ("Date of birth"), or `name` itself when it is not on the form. */
export function fieldLabel(name: string): string {
  return FIELD_LABELS.get(name) ?? name;
}
