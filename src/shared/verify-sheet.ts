/**
 * One sheet's way through the second keying (design section 13), as the verify
 * screen walks it: the second keyer's blind keyings are held against the first
 * entry; fields that differ are asked of the paper a third time, blind; then
 * the sheet is verified (with the values that stand) or needs a second look,
 * which a person's reading of the paper resolves (verification.ts rule 5).
 * Pure: the screen shows only what this returns, which never says which value
 * came from which keyer.
 */
import { z } from 'zod/mini';
import { settleField } from './verification';
import {
  REQUIRED_VERIFIED_FIELDS, type AddableVerifiedField, type FieldVerification, type RequiredVerifiedField, type Verification, type VerifiedField,
} from './verification-record';

/** One value per verified field: the required four always, a field the center added where the sheet keys it. */
export type VerifiedValues = Record<RequiredVerifiedField, string> & Partial<Record<AddableVerifiedField, string>>;

/**
 * One keying of a sheet's verified fields as it is kept (held for a second
 * look on the tablet, the server's stored paper): the required four, and the
 * fields a center may add, absent where they were not keyed or kept.
 */
export const verifiedValuesSchema = z.object({
  ssid: z.string(), firstName: z.string(), lastName: z.string(), dateOfBirth: z.string(),
  middleName: z.optional(z.string()), schoolStudentId: z.optional(z.string()), phone: z.optional(z.string()),
  guardianName: z.optional(z.string()), guardianPhone: z.optional(z.string()),
});

/** The values of `list` (by default the required four) of an application, or of anything carrying them. */
export function verifiedValuesOf(fields: Record<VerifiedField, string>, list: readonly VerifiedField[] = REQUIRED_VERIFIED_FIELDS): VerifiedValues {
  return Object.fromEntries(list.map((field) => [field, fields[field]])) as VerifiedValues;
}

/** A person's look at the paper for one field in a second look, as it is recorded. */
export type SecondLook = NonNullable<FieldVerification['secondLook']>;
/** The looks taken so far, per field in a second look. */
export type SecondLooks = Partial<Record<VerifiedField, SecondLook>>;

/** One field in "Needs a second look": the three values, sorted; `readAgain` when a look's reading agreed with none. */
export interface SecondLookLine {
  field: VerifiedField;
  values: readonly [string, string, string];
  readAgain?: true;
}

/** The three people a verification names. */
export interface Keyers {
  enteredBy: string;
  verifiedBy: string;
  signedInAs: string;
}

/** Where a sheet stands after the keyings made so far. */
export type SheetOutcome =
  /** These fields differed: ask for them as they read on the paper. */
  | { state: 'needs_third'; fields: VerifiedField[] }
  /** The paper's keying agreed with neither: all three values, sorted, for a person to look at again. */
  | { state: 'second_look'; lines: SecondLookLine[] }
  /** Every field agreed or was settled: the verification, and the values the record must now carry. */
  | { state: 'verified'; verification: Verification; values: VerifiedValues };

/**
 * Holds the second keyings (and the third, once asked) against the first entry.
 * A third keying is asked only of the fields that differ; whichever fields it
 * cannot settle all go to the second look together, and stay there until a
 * look at the paper resolves each. A look at a field not in a second look
 * changes nothing. `verified` are the fields the sheet's batch verifies
 * (verifiedFieldsOf): every one of them is held and settled alike.
 */
export function verifySheet(
  first: VerifiedValues, second: VerifiedValues, third: Partial<VerifiedValues>, keyers: Keyers, at: string, looks: SecondLooks = {},
  verified: readonly VerifiedField[] = REQUIRED_VERIFIED_FIELDS,
): SheetOutcome {
  const verdicts = verified.map((field) => ({ field, verdict: settleField(field, first[field] ?? '', second[field] ?? '', third[field], looks[field]) }));
  const unasked = verdicts.filter((v) => v.verdict.state === 'needs_third').map((v) => v.field);
  if (unasked.length > 0) return { state: 'needs_third', fields: unasked };
  const lines = verdicts.flatMap(({ field, verdict }) => (verdict.state === 'second_look'
    ? [{ field, values: verdict.values, ...(verdict.readAgain ? { readAgain: true as const } : {}) }]
    : []));
  if (lines.length > 0) return { state: 'second_look', lines };
  const values = {} as VerifiedValues;
  const fields: FieldVerification[] = verdicts.map(({ field, verdict }) => {
    const value = 'value' in verdict ? verdict.value : '';
    values[field] = value;
    const paper = verdict.state === 'agreed' ? {} : { third: third[field] ?? '' };
    const look = verdict.state === 'resolved' ? { secondLook: looks[field] } : {};
    return { field, first: first[field] ?? '', second: second[field] ?? '', ...paper, value, by: keyers.verifiedBy, at, ...look };
  });
  return { state: 'verified', verification: { ...keyers, verifiedAt: at, fields }, values };
}

/**
 * Whether a verification still vouches for these values: an edit that leaves
 * every verified field as it stood keeps it; any other drops it, and the
 * record is typed once again.
 */
export function stillVouches(values: VerifiedValues, verification: Verification): boolean {
  return verification.fields.every((f) => settleField(f.field, values[f.field] ?? '', f.value).state === 'agreed');
}
