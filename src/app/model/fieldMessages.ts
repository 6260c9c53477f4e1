/**
 * Which messages the entry form shows beside which field. Errors and warnings
 * come from validateApplication (the same rules the server applies); the SSID's
 * notes ("spaces and dashes were removed") from checkSsid.
 */
import type { ApplicationFields, FieldName } from '../../shared/application';
import { checkSsid, normalizeSsid } from '../../shared/ssid';
import type { Validation } from '../../shared/validate';

/** One message beside a field. */
export interface FieldMessage {
  kind: 'error' | 'warning' | 'note';
  code: string;
  text: string;
}

/** A field of the form, or the blind re-key. */
export type EntryField = FieldName | 'ssidRekey';

/** The note on a value the sheet got from its batch rather than from the advisor's typing. */
export const CARRIED_NOTE = 'Carried from the batch: check it against the paper.';

/** Every message per field, before deciding which are shown yet. */
export function messagesByField(fields: ApplicationFields, validation: Validation, carried: ReadonlySet<FieldName> = new Set()): Map<EntryField, FieldMessage[]> {
  const byField = new Map<EntryField, FieldMessage[]>();
  const add = (field: EntryField, m: FieldMessage) => byField.set(field, [...(byField.get(field) ?? []), m]);
  for (const e of validation.errors) add(e.field, { kind: 'error', code: e.code, text: e.message });
  for (const w of validation.warnings) add(w.field, { kind: 'warning', code: w.code, text: w.message });
  if (fields.ssid.trim() !== '') {
    for (const n of checkSsid(fields.ssid).notes) add('ssid', { kind: 'note', code: n.code, text: n.message });
  }
  for (const field of carried) add(field, { kind: 'note', code: 'carried', text: CARRIED_NOTE });
  return byField;
}

function isEmpty(value: string | string[]): boolean {
  return typeof value === 'string' ? value.trim() === '' : value.length === 0;
}

/**
 * Whether a field's messages are shown yet: not while a blank form is fresh
 * (a wall of "required" helps nobody), but as soon as the field holds a value or
 * has been left. The re-key is judged once it is as long as the SSID, so it does
 * not cry "differs" after the first digit.
 */
export function isRevealed(field: EntryField, fields: ApplicationFields, ssidRekey: string, touched: ReadonlySet<EntryField>, revealAll: boolean): boolean {
  if (revealAll || touched.has(field)) return true;
  if (field === 'ssidRekey') {
    const rekey = normalizeSsid(ssidRekey.trim());
    return rekey !== '' && rekey.length >= normalizeSsid(fields.ssid.trim()).length;
  }
  return !isEmpty(fields[field]);
}
