import { useState } from 'preact/hooks';
import { fieldLabel } from '../../../shared/application';
import { VERIFICATION_POLICIES, type VerificationPolicy } from '../../../shared/verification-policy';
import { ADDABLE_VERIFIED_FIELDS, REQUIRED_VERIFIED_FIELDS, type AddableVerifiedField } from '../../../shared/verification-record';
import type { VerificationPolicyRequest } from '../../../shared/admin-protocol';
import { formatWhen } from '../../model/format';
import { AdminFrame } from './AdminFrame';
import type { AdminCalls } from './adminCalls';
import { FormNoticeLine } from './FormNoticeLine';
import { useAdminResource } from './useAdmin';
import type { FormNotice } from './useAdminForm';

const loadSetting = (calls: AdminCalls) => calls.verification();

/** Each choice as the administrator reads it. */
const CHOICES: Record<VerificationPolicy, { label: string; detail: string }> = {
  off: { label: 'When a batch asks for it', detail: 'New batches start without verification; an advisor may turn it on for a batch.' },
  default: { label: 'On for new batches', detail: 'New batches start with verification on; an advisor may turn it off for a batch.' },
  required: {
    label: 'Required for every sheet',
    detail: 'No sheet is confirmed before a second keyer has verified it, on the tablet and on the server. Records already sent stay as they are (typed once).',
  },
};

/** The fields in the paper's order, as the server keeps them, so a change is told apart from a reordering. */
const inPaperOrder = (fields: readonly AddableVerifiedField[]) => ADDABLE_VERIFIED_FIELDS.filter((f) => fields.includes(f));

/** What was saved, in words. */
function savedText(change: VerificationPolicyRequest): string {
  const parts = [
    ...(change.policy ? [CHOICES[change.policy].label.toLowerCase()] : []),
    ...(change.fields ? [`verified fields ${[...REQUIRED_VERIFIED_FIELDS, ...change.fields].map(fieldLabel).join(', ')}`] : []),
  ];
  return `Saved: ${parts.join('; ')}. Tablets take it at their next sync.`;
}

/**
 * The center's setting for verification by a second keyer (design section 13):
 * when a second person types a sheet's fields again from the paper, and which
 * fields: always the SSID, names and birth date, and those the center adds.
 * Tablets take the new setting at their next sync; a batch keeps the fields it
 * started with.
 */
export function VerificationSettingScreen() {
  const { list, act, round } = useAdminResource(loadSetting);
  const [notice, setNotice] = useState<FormNotice | null>(null);
  const [chosen, setChosen] = useState<VerificationPolicy | null>(null);
  const [chosenFields, setChosenFields] = useState<AddableVerifiedField[] | null>(null);
  const current = list.status === 'ready' ? list.data : null;
  // What the server holds: what was just saved, while the setting on screen is still the one read
  // before the save (its reload is out), so "Saved" and a Save with nothing left to save show together.
  const [saved, setSaved] = useState<{ over: typeof current; setting: { policy: VerificationPolicy; fields: AddableVerifiedField[] } } | null>(null);
  const stored = saved && saved.over === current ? saved.setting : current;
  const selected = chosen ?? current?.policy ?? 'off';
  const fields = chosenFields ?? current?.fields ?? [];
  const policyChanged = selected !== stored?.policy;
  const fieldsChanged = inPaperOrder(fields).join() !== inPaperOrder(stored?.fields ?? []).join();

  const toggle = (field: AddableVerifiedField, on: boolean) => setChosenFields(inPaperOrder(on ? [...fields, field] : fields.filter((f) => f !== field)));
  const unchanged = !policyChanged && !fieldsChanged;
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (unchanged) return;
    const change: VerificationPolicyRequest = { ...(policyChanged ? { policy: selected } : {}), ...(fieldsChanged ? { fields: inPaperOrder(fields) } : {}) };
    const outcome = await act((calls) => calls.setVerification(change));
    if (outcome.ok) setSaved({ over: current, setting: { policy: selected, fields: inPaperOrder(fields) } });
    setNotice(outcome.ok ? { kind: 'ok', text: savedText(change) } : { kind: 'error', text: outcome.message });
  };

  return (
    <AdminFrame title="Verification" round={round}>
      {list.status === 'loading' ? <p class="muted">Loading…</p> : null}
      {list.status === 'failed' ? <p class="notice notice-error" role="alert">{list.message}</p> : null}
      {current ? (
        <form class="admin-form" onSubmit={(e) => void onSubmit(e)}>
          <fieldset>
            <legend>When does a second person verify a sheet?</legend>
            {VERIFICATION_POLICIES.map((policy) => (
              <label key={policy} class="choice choice-block">
                <input type="radio" name="policy" value={policy} checked={selected === policy} onChange={() => setChosen(policy)} aria-describedby={`policy-${policy}`} />
                {' '}<strong>{CHOICES[policy].label}</strong>
                <span id={`policy-${policy}`} class="muted"> {CHOICES[policy].detail}</span>
              </label>
            ))}
          </fieldset>
          {current.requiredSince ? <p class="muted">Required since {formatWhen(Date.parse(current.requiredSince))}.</p> : null}
          <fieldset aria-describedby="verified-fields-note">
            <legend>Which fields does the second person type again?</legend>
            <p id="verified-fields-note" class="muted">
              The CA SSID, names and date of birth are always verified. A batch keeps the fields it started with.
            </p>
            {REQUIRED_VERIFIED_FIELDS.map((field) => (
              <label key={field} class="choice">
                <input type="checkbox" checked disabled /> {fieldLabel(field)} <span class="muted">(always)</span>
              </label>
            ))}
            {ADDABLE_VERIFIED_FIELDS.map((field) => (
              <label key={field} class="choice">
                <input type="checkbox" name="fields" value={field} checked={fields.includes(field)} onChange={(e) => toggle(field, e.currentTarget.checked)} />
                {' '}{fieldLabel(field)}
              </label>
            ))}
          </fieldset>
          {/* aria-disabled, not disabled: the button keeps the keyboard's focus once what it saved makes it unavailable. */}
          <button type="submit" class="button button-primary" aria-disabled={unchanged}>Save</button>
          <FormNoticeLine notice={notice} />
        </form>
      ) : null}
    </AdminFrame>
  );
}
