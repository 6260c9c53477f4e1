import { useState } from 'preact/hooks';
import { MIN_PASSWORD_LENGTH } from '../../../shared/admin-protocol';
import { ScreenTitle } from '../../components/ScreenTitle';
import { TextField } from '../../components/TextField';
import type { SetupOutcome } from './useFirstSetup';
import type { SetupRequest } from '../../../shared/admin-protocol';
import { FormFooter } from '../../components/FormFooter';

const BLANK = { setupCode: '', centerName: '', name: '', email: '', password: '' };

/** "Create the first center and its administrator", offered once on an empty server. */
export function FirstSetupScreen({ create }: { create: (request: SetupRequest) => Promise<SetupOutcome> }) {
  const [form, setForm] = useState(BLANK);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (name: keyof typeof BLANK) => (value: string) => setForm({ ...form, [name]: value });

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const outcome = await create(form);
    setBusy(false);
    if (!outcome.ok) {
      setErrors(outcome.fields);
      setMessage(outcome.message);
    }
  };

  return (
    <section class="screen sign-in" aria-labelledby="screen-title">
      <ScreenTitle focus={false}>Create the first center and its administrator</ScreenTitle>
      <p>This server has no center yet. The setup code is in the server’s console, printed when it started.</p>
      <form onSubmit={onSubmit} noValidate>
        <TextField id="setup-code" label="Setup code" value={form.setupCode} error={errors.setupCode} onInput={set('setupCode')} />
        <TextField id="setup-center" label="Center name" value={form.centerName} error={errors.centerName} onInput={set('centerName')} />
        <TextField id="setup-name" label="Your name" value={form.name} error={errors.name} onInput={set('name')} />
        <TextField id="setup-email" label="Your email" type="email" inputMode="email" autoComplete="username" value={form.email} error={errors.email} onInput={set('email')} />
        <TextField
          id="setup-password"
          label="Your password"
          type="password"
          autoComplete="new-password"
          hint={`${MIN_PASSWORD_LENGTH} characters or more`}
          value={form.password}
          error={errors.password}
          onInput={set('password')}
        />
        <FormFooter error={message} busy={busy} label="Create center and administrator" />
      </form>
    </section>
  );
}
