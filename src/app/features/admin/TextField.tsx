import { Field } from '../../components/Field';

/** A labelled text input for the admin forms, with the server's reason for it beside it. */
export function TextField({ id, label, value, onInput, error, hint, type = 'text', inputMode, autoComplete }: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string;
  hint?: string;
  type?: 'text' | 'email' | 'password';
  inputMode?: 'numeric' | 'email' | 'text';
  autoComplete?: string;
}) {
  const messages = error ? [{ kind: 'error' as const, code: id, text: error }] : [];
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-msg` : null].filter(Boolean).join(' ') || undefined;
  return (
    <Field id={id} label={label} hint={hint} messages={messages}>
      <input
        id={id}
        type={type}
        value={value}
        inputMode={inputMode}
        autoComplete={autoComplete ?? 'off'}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
    </Field>
  );
}
