/**
 * Record-level checks: what stands between a draft and "ready", said per field.
 * One source of truth with the server: field rules come from
 * `confirmedApplicationSchema`; the SSID rules from `checkSsid`.
 */
import { confirmedApplicationSchema, dobUncheckedMessage, type ApplicationFields, type FieldName } from './application';
import { gradeAgeWarning } from './grade-age';
import { heldSsidIssue, type HeldSsid } from './returning-student';
import { checkSsid, normalizeSsid, type Issue } from './ssid';
import { storedDateProblem } from './typed-dates';
import { todayIso } from './dates';

/** An issue attached to the field the advisor must look at. */
export interface FieldIssue extends Issue {
  field: FieldName | 'ssidRekey';
}

export interface ValidationContext {
  /** The blind second keying of the SSID. */
  ssidRekey: string;
  /** Who else holds the same SSID, locally or on the roster. */
  ssidTakenBy?: string | null;
  /** The SSID the center holds for the student the paper names, when it is another number (returning-student.ts). */
  ssidHeldForStudent?: HeldSsid | null;
  /** Today, for the typed-date rules on the date of birth (none after today); injected so the rule stays pure. */
  today?: string;
  /** The advisor looked at the paper again and it really shows this SSID. */
  ssidChecked?: boolean;
}

/**
 * Warnings that usually mean a copying mistake. They are not errors (some
 * districts do use the SSID as their local number), but confirming past one
 * takes a deliberate look at the paper.
 */
export const SSID_WARNINGS_TO_CHECK: ReadonlySet<string> = new Set(['ssid_equals_local_id', 'ssid_placeholder', 'ssid_taken', 'ssid_differs_from_center']);

export interface Validation {
  errors: FieldIssue[];
  warnings: FieldIssue[];
}

/**
 * The blind re-key rule: the second keying must be exactly the first, checked
 * SSID (spaces and dashes aside). Null when both agree. One rule for the entry
 * form, the server's checks and the approval prompt.
 */
export function rekeyIssue(ssid: string, rekey: string): Issue | null {
  const second = normalizeSsid(rekey.trim());
  if (second === '') return { code: 'ssid_rekey_missing', message: 'Re-enter the CA SSID from the paper to confirm it.' };
  if (second !== ssid) return { code: 'ssid_rekey_mismatch', message: 'The two keyings differ: read the paper again and re-enter it.' };
  return null;
}

/** What the schema last said of one field: its value, the day it was checked on (the dates' rules read the clock), its first problem. */
interface FieldVerdict {
  value: unknown;
  day: string;
  message: string | null;
}

/**
 * Each field's verdict for the value it last had. The schema has no rule
 * across fields, so a field keeps its verdict while its value and the day stay
 * the same, and a keystroke in the entry form re-checks one field, not thirty
 * (keystroke latency at 4x CPU, issue 14). Values are compared by identity: a
 * draft keeps every untouched field's value as it was.
 */
const verdicts = new Map<string, FieldVerdict>();

const firstProblem = (parsed: { success: boolean; error?: { issues: { message: string }[] } }) => (parsed.success ? null : (parsed.error?.issues[0]?.message ?? null));

/** Every field's first problem by `confirmedApplicationSchema`, in the paper's order; the SSID has its own, more helpful messages. */
function fieldProblems(fields: ApplicationFields): FieldIssue[] {
  const day = todayIso();
  const problems: FieldIssue[] = [];
  for (const [name, schema] of Object.entries(confirmedApplicationSchema.shape)) {
    if (name === 'ssid') continue;
    const value: unknown = fields[name as FieldName];
    const known = verdicts.get(name);
    const verdict = known && known.value === value && known.day === day ? known : { value, day, message: firstProblem(schema.safeParse(value)) };
    verdicts.set(name, verdict);
    if (verdict.message !== null) problems.push({ field: name as FieldName, code: `invalid_${name}`, message: verdict.message });
  }
  return problems;
}

/** Checks a whole application the way confirmation and the server will. */
export function validateApplication(fields: ApplicationFields, ctx: ValidationContext): Validation {
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];

  errors.push(...fieldProblems(fields));

  // The schema reads the date against the clock; ctx.today, when given, decides by the same rule as the date field.
  const dobProblem = ctx.today && !errors.some((e) => e.field === 'dateOfBirth') ? storedDateProblem(fields.dateOfBirth, ctx.today, 'birth') : null;
  if (dobProblem) errors.push({ field: 'dateOfBirth', ...dobProblem });

  // The same look at the paper as an odd SSID asks for: an error until ticked, a warning after.
  const gradeAge = gradeAgeWarning(fields.dateOfBirth, fields.grade, fields.programYear);
  if (gradeAge && fields.dateOfBirthChecked === 'yes') warnings.push({ field: 'dateOfBirth', ...gradeAge });
  else if (gradeAge) errors.push({ field: 'dateOfBirth', code: 'dob_unchecked', message: dobUncheckedMessage(gradeAge) });

  if (fields.ssid.trim() !== '') {
    const check = checkSsid(fields.ssid, { localId: fields.schoolStudentId, takenBy: ctx.ssidTakenBy });
    for (const e of check.errors) errors.push({ field: 'ssid', ...e });
    const ssidWarnings = check.value !== null && ctx.ssidHeldForStudent ? [...check.warnings, heldSsidIssue(ctx.ssidHeldForStudent)] : check.warnings;
    for (const w of ssidWarnings) warnings.push({ field: 'ssid', ...w });
    if (!ctx.ssidChecked && ssidWarnings.some((w) => SSID_WARNINGS_TO_CHECK.has(w.code))) {
      errors.push({
        field: 'ssid',
        code: 'ssid_unchecked',
        message: 'Look at the paper again. If it really shows this number, tick “The paper shows this number”.',
      });
    }
    const rekey = check.value !== null ? rekeyIssue(check.value, ctx.ssidRekey) : null;
    if (rekey) errors.push({ field: 'ssidRekey', ...rekey });
  } else {
    warnings.push({ field: 'ssid', code: 'ssid_missing', message: 'No CA SSID: it can be added later from school records.' });
  }

  return { errors, warnings };
}
