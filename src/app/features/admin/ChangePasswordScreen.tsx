import { useState } from 'preact/hooks';
import { MIN_PASSWORD_LENGTH } from '../../../shared/admin-protocol';
import { ScreenTitle } from '../../components/ScreenTitle';
import { TextField } from '../../components/TextField';
import { usePasswordChange } from './usePasswordChange';
import { FormFooter } from '../../components/FormFooter';

/** First sign-in with a one-time password: the user chooses their own before anything else. */
export function ChangePasswordScreen({ name }: { name: string }) {
  const change = usePasswordChange();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (next !== repeat) {
      setErrors({ repeat: 'The two new passwords differ.' });
      return;
    }
    setBusy(true);
    const outcome = await change(current, next);
    setBusy(false);
    if (!outcome.ok) {
      setErrors(outcome.fields);
      setMessage(outcome.message);
    }
  };

  return (
    <main id="main" class="sign-in-page">
      <section class="screen sign-in" aria-labelledby="screen-title">
        <ScreenTitle>Choose your password</ScreenTitle>
        <p>
          Welcome, {name}. The password you were given works only once: choose your own ({MIN_PASSWORD_LENGTH} characters or more).
        </p>
        <form onSubmit={onSubmit} noValidate>
          <TextField id="pw-current" label="Password you were given" type="password" autoComplete="current-password" value={current} error={errors.currentPassword} onInput={setCurrent} />
          <TextField id="pw-new" label="New password" type="password" autoComplete="new-password" value={next} error={errors.newPassword} onInput={setNext} />
          <TextField id="pw-repeat" label="New password again" type="password" autoComplete="new-password" value={repeat} error={errors.repeat} onInput={setRepeat} />
          <FormFooter error={message} busy={busy} label="Save my password" />
        </form>
      </section>
    </main>
  );
}
