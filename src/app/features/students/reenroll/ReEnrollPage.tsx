import { useState } from 'preact/hooks';
import { checkSsid } from '../../../../shared/ssid';
import { useReEnroll } from './useReEnroll';
import { ScreenTitle } from '../../../components/ScreenTitle';
import { FormFooter } from '../../../components/FormFooter';
import '../../../styles/students.css';

/**
 * The public page where a returning student re-enrolls for the new program
 * year with their last name, date of birth and CA SSID. No sign-in; the
 * advisor approves the enrollment afterwards.
 */
export function ReEnrollPage({ baseUrl = '' }: { baseUrl?: string }) {
  const { state, submit } = useReEnroll(baseUrl);
  const [lastName, setLastName] = useState('');
  const [dateOfBirth, setDateOfBirth] = useState('');
  const [ssid, setSsid] = useState('');
  const [formError, setFormError] = useState<string | null>(null);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const check = checkSsid(ssid);
    // Only the shape of what was typed is checked here; whether it matches is the server's answer.
    if (lastName.trim() === '' || dateOfBirth === '' || check.value === null) {
      setFormError(check.value === null && ssid.trim() !== '' ? `CA SSID: ${check.errors[0]?.message ?? 'not 10 digits'}.` : 'Fill in all three: last name, date of birth and CA SSID.');
      return;
    }
    setFormError(null);
    submit({ lastName: lastName.trim(), dateOfBirth, ssid: check.value }).catch((error: unknown) => console.error('Re-enrollment failed', error));
  };

  if (state.phase === 'done') {
    return (
      <main id="main" class="public-page">
        <ScreenTitle>You are re-enrolled</ScreenTitle>
        <p class="notice notice-ok" role="status">
          {state.result.waitingForApproval
            ? `Thank you. Your re-enrollment in MESA for ${state.result.programYear} is received. Your MESA advisor will approve it; you do not need to do anything else.`
            : `Your enrollment in MESA for ${state.result.programYear} is already approved. You do not need to do anything else.`}
        </p>
      </main>
    );
  }

  const message = formError ?? (state.phase === 'failed' ? state.message : null);
  return (
    <main id="main" class="public-page">
      <ScreenTitle>Re-enroll in MESA</ScreenTitle>
      <p>Returning students: enroll for this program year with your last name, your date of birth and your CA SSID (the 10-digit California student number; your school office can tell you yours).</p>
      <form onSubmit={onSubmit} noValidate>
        <div class="field">
          <label for="re-last-name">Last name</label>
          <input id="re-last-name" autoComplete="family-name" required value={lastName} onInput={(e) => setLastName(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="re-dob">Date of birth</label>
          <input id="re-dob" type="date" autoComplete="bday" required value={dateOfBirth} onInput={(e) => setDateOfBirth(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="re-ssid">CA SSID</label>
          <input id="re-ssid" inputMode="numeric" autoComplete="off" maxLength={20} required value={ssid} onInput={(e) => setSsid(e.currentTarget.value)} />
        </div>
        <FormFooter error={message} busy={state.phase === 'sending'} label="Re-enroll" busyLabel="Sending…" />
      </form>
    </main>
  );
}
