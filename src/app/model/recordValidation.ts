/** The one way the app validates a record: its fields plus what the advisor keyed beside them. */
import type { ApplicationFields } from '../../shared/application';
import { validateApplication, type Validation, type ValidationContext } from '../../shared/validate';

/** The parts of a stored record or an on-screen draft that validation reads. */
export interface Checkable {
  fields: ApplicationFields;
  ssidRekey: string;
  ssidChecked?: boolean;
}

/** What the tablet's lookups add: who else holds the SSID, and the center's other SSID for the paper's student. */
export type SsidKnowledge = Pick<ValidationContext, 'ssidTakenBy' | 'ssidHeldForStudent'>;

/** Validates a draft or stored record for `today`, optionally with what the tablet knows about its SSID. */
export function validateRecord(record: Checkable, today: string, known: SsidKnowledge = {}): Validation {
  return validateApplication(record.fields, { ...known, ssidRekey: record.ssidRekey, ssidChecked: record.ssidChecked ?? false, today });
}
