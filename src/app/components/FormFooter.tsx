import { AlertList } from './AlertList';

/**
 * A form's end: why submitting failed, announced as an alert, above the submit
 * button, which is disabled and says `busyLabel` while the form is at work.
 * Several reasons at once come as a list.
 */
export function FormFooter({ error, busy, label, busyLabel = label }: {
  error: string | readonly string[] | null;
  busy: boolean;
  label: string;
  busyLabel?: string;
}) {
  return (
    <>
      {typeof error === 'string' ? (
        error && (
          <p class="notice notice-error" role="alert">
            {error}
          </p>
        )
      ) : (
        <AlertList messages={error ?? []} />
      )}
      <button type="submit" class="button button-primary" disabled={busy}>
        {busy ? busyLabel : label}
      </button>
    </>
  );
}
