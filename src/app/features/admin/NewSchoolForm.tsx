import { TextField } from '../../components/TextField';
import { AddForm } from './AddForm';
import type { AdminResource } from './useAdmin';
import { useAdminForm } from './useAdminForm';

const BLANK = { name: '', cdsCode: '', city: '' };

/** "Add a school": name, the 14-digit CDS code (checked on the server), city. */
export function NewSchoolForm({ act }: { act: AdminResource<unknown>['act'] }) {
  const { form, setField, errors, notice, busy, onSubmit } = useAdminForm(
    BLANK,
    act,
    (calls, school) => calls.addSchool(school),
    (school) => `Added ${school.name}. Tablets get it at their next sync.`,
  );
  return (
    <AddForm id="new-school" title="Add a school" submitLabel="Add school" onSubmit={onSubmit} notice={notice} busy={busy}>
      <TextField id="school-name" label="School name" value={form.name} error={errors.name} onInput={setField('name')} />
      <TextField id="school-cds" label="CDS code" hint="14 digits, e.g. 01-61192-0130229" inputMode="numeric" value={form.cdsCode} error={errors.cdsCode} onInput={setField('cdsCode')} />
      <TextField id="school-city" label="City" value={form.city} error={errors.city} onInput={setField('city')} />
    </AddForm>
  );
}
