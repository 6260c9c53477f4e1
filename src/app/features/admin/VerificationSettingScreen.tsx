import { useState } from 'preact/hooks';
import { VERIFICATION_POLICIES, type VerificationPolicy } from '../../../shared/verification-policy';
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

/**
 * The center's setting for verification by a second keyer (design section 13):
 * a second person types the SSID, names and birth date again from the paper.
 * Tablets take the new setting at their next sync.
 */
export function VerificationSettingScreen() {
  const { list, act, round } = useAdminResource(loadSetting);
  const [notice, setNotice] = useState<FormNotice | null>(null);
  const [chosen, setChosen] = useState<VerificationPolicy | null>(null);
  const current = list.status === 'ready' ? list.data : null;
  const selected = chosen ?? current?.policy ?? 'off';

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const outcome = await act((calls) => calls.setVerification(selected));
    setNotice(outcome.ok
      ? { kind: 'ok', text: `Saved: ${CHOICES[selected].label.toLowerCase()}. Tablets take it at their next sync.` }
      : { kind: 'error', text: outcome.message });
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
          <button type="submit" class="button button-primary" disabled={selected === current.policy}>Save</button>
          <FormNoticeLine notice={notice} />
        </form>
      ) : null}
    </AdminFrame>
  );
}
