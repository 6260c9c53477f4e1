import { FormNoticeLine } from './FormNoticeLine';
import { TextField } from '../../components/TextField';
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
    <form class="admin-form" onSubmit={onSubmit} aria-labelledby="new-school-title">
      <h2 id="new-school-title">Add a school</h2>
      <div class="admin-form-fields">
        <TextField id="school-name" label="School name" value={form.name} error={errors.name} onInput={setField('name')} />
        <TextField id="school-cds" label="CDS code" hint="14 digits, e.g. 01-61192-0130229" inputMode="numeric" value={form.cdsCode} error={errors.cdsCode} onInput={setField('cdsCode')} />
        <TextField id="school-city" label="City" value={form.city} error={errors.city} onInput={setField('city')} />
      </div>
      <FormNoticeLine notice={notice} />
      <button type="submit" class="button button-primary" disabled={busy}>
        Add school
      </button>
    </form>
  );
}
