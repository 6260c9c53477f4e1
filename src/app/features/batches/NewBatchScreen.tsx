import { useState } from 'preact/hooks';
import { paths } from '../../paths';
import { useCreateBatch } from './useCreateBatch';
import { useNavigate } from '../../hooks/useLocation';
import { useSchools } from '../../hooks/useSchools';
import { mayTurnOffVerify, verifiesByDefault } from '../../../shared/verification-policy';
import { useCenterVerification } from './useCenterVerification';
import { localIsoDate } from '../../model/today';
import { GRADES, programYearSchema } from '../../../shared/application';
import { programYearOf } from '../../../shared/policy';
import { DateInput } from '../../components/DateInput';
import { describedBy, Field } from '../../components/Field';
import type { FieldMessage } from '../../model/fieldMessages';
import { Link } from '../../components/Link';
import { TextField } from '../../components/TextField';
import { ScreenTitle } from '../../components/ScreenTitle';

const MAX_SHEETS = 500;

/** Starting a stack: school, program year, how many sheets, and what carries from form to form. */
export function NewBatchScreen() {
  const { schools, loaded } = useSchools();
  const { create, error } = useCreateBatch();
  const navigate = useNavigate();
  const [schoolId, setSchoolId] = useState('');
  const [programYear, setProgramYear] = useState(() => programYearOf(localIsoDate()));
  const [sheets, setSheets] = useState('');
  const [grade, setGrade] = useState('');
  const [dateReceived, setDateReceived] = useState(() => localIsoDate());
  const [submitted, setSubmitted] = useState(false);
  const { setting, loaded: settingRead } = useCenterVerification();
  // Until the advisor touches the switch, it shows the center's default (which a pull may change while the form is open).
  const [verifyChoice, setVerifyChoice] = useState<boolean | null>(null);
  const locked = !mayTurnOffVerify(setting.policy);
  const verify = locked || (verifyChoice ?? verifiesByDefault(setting.policy));

  const yearCheck = programYearSchema.safeParse(programYear.trim());
  const sheetCount = Number(sheets);
  const problems = {
    school: schoolId === '' ? 'Choose the school the stack came from.' : null,
    year: yearCheck.success ? null : (yearCheck.error.issues[0]?.message ?? 'Use the form 2025-26.'),
    sheets: Number.isInteger(sheetCount) && sheetCount >= 1 && sheetCount <= MAX_SHEETS ? null : `Count the sheets: a number from 1 to ${MAX_SHEETS}.`,
  };
  const valid = !problems.school && !problems.year && !problems.sheets;

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setSubmitted(true);
    // Not before the center's setting is read: the batch would start with the switch's default, not the center's.
    if (!valid || !settingRead) return;
    const batch = await create({
      schoolId,
      programYear: programYear.trim(),
      sheetCount,
      defaults: { grade, dateReceived, schoolId, programYear: programYear.trim() },
      verify,
    });
    if (batch) navigate(paths.newRecord(batch.id));
  };

  const shown = (code: string, message: string | null): FieldMessage[] => (submitted && message ? [{ kind: 'error', code, text: message }] : []);
  const schoolMsgs = shown('school', problems.school);

  return (
    <section class="screen screen-narrow" aria-labelledby="screen-title">
      <ScreenTitle>New batch</ScreenTitle>
      {loaded && schools.length === 0 ? (
        <div class="notice notice-warning">
          <p>
            <strong>Sign in once online to load your schools.</strong> A batch belongs to one of your center’s schools,
            and this tablet has not received the list yet.
          </p>
        </div>
      ) : (
        <form class="stack-form" onSubmit={onSubmit} noValidate>
          <Field id="batch-school" label="School" messages={schoolMsgs}>
            <select id="batch-school" value={schoolId} onChange={(e) => setSchoolId(e.currentTarget.value)} aria-invalid={schoolMsgs.length > 0 || undefined} aria-describedby={describedBy('batch-school', false, schoolMsgs.length > 0)}>
              <option value="">Choose a school…</option>
              {schools.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                  {s.city ? ` (${s.city})` : ''}
                </option>
              ))}
            </select>
          </Field>
          <TextField id="batch-year" label="Program year" hint="Like 2025-26" value={programYear} error={submitted ? problems.year : null} onInput={setProgramYear} />
          <TextField id="batch-sheets" label="Sheets in the stack" hint="Count the paper forms, so the app can say how many are left" type="number" inputMode="numeric" min={1} max={MAX_SHEETS} value={sheets} error={submitted ? problems.sheets : null} onInput={setSheets} />
          <fieldset class="defaults">
            <legend>Filled in on every form (you can change each one)</legend>
            <Field id="batch-grade" label="Grade">
              <select id="batch-grade" value={grade} onChange={(e) => setGrade(e.currentTarget.value)}>
                <option value="">Varies</option>
                {GRADES.map((g) => (
                  <option key={g} value={g}>
                    {g === 'K' ? 'Kindergarten' : `Grade ${g}`}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="batch-received" label="Date received">
              <DateInput id="batch-received" value={dateReceived} onValue={setDateReceived} kind="event" />
            </Field>
          </fieldset>
          {/* Drawn once the center's setting is read, so it never shows a choice it is about to take back. */}
          {settingRead ? <div class="field">
            <label class="choice" for="batch-verify">
              <input id="batch-verify" type="checkbox" checked={verify} disabled={locked} onChange={(e) => setVerifyChoice(e.currentTarget.checked)} aria-describedby="batch-verify-hint" />
              {' '}Verify: a second person types the SSID, names and birth date again
            </label>
            <p id="batch-verify-hint" class="hint">
              {locked
                ? 'Your center requires it: each sheet is confirmed once a second keyer has verified it.'
                : 'Each sheet is then confirmed once a second keyer has verified it.'}
            </p>
          </div> : null}
          {error && (
            <p class="notice notice-error" role="alert">
              {error}
            </p>
          )}
          <div class="form-actions">
            <button type="submit" class="button button-primary">
              Start typing
            </button>
            <Link href={paths.batches()} class="button">
              Cancel
            </Link>
          </div>
        </form>
      )}
    </section>
  );
}
