/**
 * The verify screens' readings of what a person types, and of the values a
 * second look shows: pure, so the keying form and the look at the paper read a
 * date the same way and the differing places are tested in one place.
 */
import { localIsoDate } from '../../model/today';
import { formatUsDate, isIsoDate } from '../../../shared/dates';
import { readTypedDate } from '../../../shared/typed-dates';
import type { VerifiedField } from '../../../shared/verification-record';

/** A date keyed as the entry form reads it (MM/DD/YYYY and the like); an unreadable one is compared as typed. */
export function keyedValue(field: VerifiedField, typed: string): string {
  if (field !== 'dateOfBirth') return typed;
  const read = readTypedDate(typed, localIsoDate(), 'birth');
  return read.ok ? read.iso : typed;
}

/** A value of a second look as it reads on paper: a date as MM/DD/YYYY, the rest as keyed. */
export function asOnPaper(field: VerifiedField, value: string): string {
  return field === 'dateOfBirth' && isIsoDate(value) ? formatUsDate(value) : value;
}

/** The places (1-based) where the values do not all have the same character, so the eye goes to them on the paper. */
export function differingPlaces(values: readonly string[]): number[] {
  const longest = Math.max(0, ...values.map((v) => v.length));
  const places: number[] = [];
  for (let i = 0; i < longest; i++) if (new Set(values.map((v) => v[i])).size > 1) places.push(i + 1);
  return places;
}

/** How a blank keying field of `field` asks the tablet's keyboard: digits for the SSID, a phone pad for phones, letters for the rest; the date shows its form. */
export function keyingInput(field: VerifiedField): { inputMode: 'numeric' | 'tel' | 'text'; placeholder: string | undefined } {
  const inputMode = field === 'ssid' ? 'numeric' : field === 'phone' || field === 'guardianPhone' ? 'tel' : 'text';
  return { inputMode, placeholder: field === 'dateOfBirth' ? 'MM/DD/YYYY' : undefined };
}
