/**
 * Values carried from the batch (design section 5): every new sheet starts from
 * the batch's defaults, never from the sheet before, and the form says which
 * values it did not get from the advisor's typing.
 */
import { DEFAULT_FORM, type ApplicationFields, type FieldDef, type FieldName } from './application';

/** The fields of `fields` that still hold the batch's default: carried, not yet typed or changed. */
export function carriedFields(fields: ApplicationFields, defaults: Partial<ApplicationFields>, form: readonly FieldDef[] = DEFAULT_FORM): ReadonlySet<FieldName> {
  return new Set(
    form.filter((def) => def.batchDefault && typeof fields[def.name] === 'string' && fields[def.name] !== '' && fields[def.name] === defaults[def.name]).map((def) => def.name),
  );
}
