/** The one way the app validates a record: its fields plus what the advisor keyed beside them. */
import type { ApplicationFields } from '../../shared/application';
import { validateApplication, type Validation } from '../../shared/validate';

/** The parts of a stored record or an on-screen draft that validation reads. */
export interface Checkable {
  fields: ApplicationFields;
  ssidRekey: string;
  ssidChecked?: boolean;
}

/** Validates a draft or stored record for `today`, optionally knowing who else holds its SSID. */
export function validateRecord(record: Checkable, today: string, ssidTakenBy?: string | null): Validation {
  return validateApplication(record.fields, { ssidRekey: record.ssidRekey, ssidChecked: record.ssidChecked ?? false, ssidTakenBy, today });
}
