import { useState } from 'preact/hooks';

/** A button that asks once more, in words, before a change that cannot be taken back from here. */
export function ConfirmButton({ label, question, confirmLabel, onConfirm, name }: { label: string; question: string; confirmLabel: string; onConfirm: () => Promise<void>; name: string }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!asking) {
    return (
      <button type="button" class="button" onClick={() => setAsking(true)} aria-label={`${label} ${name}`}>
        {label}
      </button>
    );
  }
  const confirm = async () => {
    setBusy(true);
    await onConfirm();
    setBusy(false);
    setAsking(false);
  };
  return (
    <div class="admin-confirm" role="group" aria-label={question}>
      <span>{question}</span>
      <button type="button" class="button button-danger" onClick={confirm} disabled={busy}>
        {confirmLabel}
      </button>
      <button type="button" class="button" onClick={() => setAsking(false)} disabled={busy}>
        Cancel
      </button>
    </div>
  );
}
