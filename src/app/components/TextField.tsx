import { describedBy, Field } from './Field';

/** A labelled text input with its hint and, once there is one, the reason it is wrong beside it. */
export function TextField({ id, label, value, onInput, error, hint, type = 'text', inputMode, autoComplete, min, max }: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | null;
  hint?: string;
  type?: 'text' | 'email' | 'password' | 'number';
  inputMode?: 'numeric' | 'email' | 'text';
  autoComplete?: string;
  /** For a `number`: the range the browser's spinner keeps to. */
  min?: number;
  max?: number;
}) {
  const messages = error ? [{ kind: 'error' as const, code: id, text: error }] : [];
  return (
    <Field id={id} label={label} hint={hint} messages={messages}>
      <input
        id={id}
        type={type}
        value={value}
        inputMode={inputMode}
        autoComplete={autoComplete ?? 'off'}
        min={min}
        max={max}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, Boolean(hint), messages.length > 0)}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
    </Field>
  );
}
