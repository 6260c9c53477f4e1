/**
 * One sheet's way through the second keying (design section 13), as the verify
 * screen walks it: the second keyer's blind keyings are held against the first
 * entry; fields that differ are asked of the paper a third time, blind; then
 * the sheet is verified (with the values that stand) or needs a second look.
 * Pure: the screen shows only what this returns, which never says which value
 * came from which keyer.
 */
import { settleField } from './verification';
import { VERIFIED_FIELDS, type FieldVerification, type Verification, type VerifiedField } from './verification-record';

/** One value per verified field. */
export type VerifiedValues = Record<VerifiedField, string>;

/** The verified fields of an application (or of anything carrying them). */
export function verifiedValuesOf(fields: VerifiedValues): VerifiedValues {
  return { ssid: fields.ssid, firstName: fields.firstName, lastName: fields.lastName, dateOfBirth: fields.dateOfBirth };
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
  | { state: 'second_look'; lines: { field: VerifiedField; values: readonly [string, string, string] }[] }
  /** Every field agreed or was settled: the verification, and the values the record must now carry. */
  | { state: 'verified'; verification: Verification; values: VerifiedValues };

/**
 * Holds the second keyings (and the third, once asked) against the first entry.
 * A third keying is asked only of the fields that differ; whichever fields it
 * cannot settle all go to the second look together.
 */
export function verifySheet(
  first: VerifiedValues, second: VerifiedValues, third: Partial<VerifiedValues>, keyers: Keyers, at: string,
): SheetOutcome {
  const verdicts = VERIFIED_FIELDS.map((field) => ({ field, verdict: settleField(field, first[field], second[field], third[field]) }));
  const unasked = verdicts.filter((v) => v.verdict.state === 'needs_third').map((v) => v.field);
  if (unasked.length > 0) return { state: 'needs_third', fields: unasked };
  const lines = verdicts.flatMap(({ field, verdict }) => (verdict.state === 'second_look' ? [{ field, values: verdict.values }] : []));
  if (lines.length > 0) return { state: 'second_look', lines };
  const values = {} as VerifiedValues;
  const fields: FieldVerification[] = verdicts.map(({ field, verdict }) => {
    const value = verdict.state === 'agreed' || verdict.state === 'settled' ? verdict.value : '';
    values[field] = value;
    const paper = verdict.state === 'settled' ? { third: third[field] ?? '' } : {};
    return { field, first: first[field], second: second[field], ...paper, value, by: keyers.verifiedBy, at };
  });
  return { state: 'verified', verification: { ...keyers, verifiedAt: at, fields }, values };
}

/**
 * Whether a verification still vouches for these values: an edit that leaves
 * every verified field as it stood keeps it; any other drops it, and the
 * record is typed once again.
 */
export function stillVouches(values: VerifiedValues, verification: Verification): boolean {
  return verification.fields.every((f) => settleField(f.field, values[f.field], f.value).state === 'agreed');
}
