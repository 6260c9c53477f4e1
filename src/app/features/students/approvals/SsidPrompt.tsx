import { useState } from 'preact/hooks';
import { checkSsid } from '../../../../shared/ssid';
import { rekeyIssue } from '../../../../shared/validate';
import { useBlindRekey } from '../../../hooks/useBlindRekey';
import { SsidInput } from '../../../components/SsidInput';

/**
 * Asked when approving a student without a CA SSID: the number keyed twice
 * (both keyings must agree), checked with the same rules and messages as the
 * entry form. "Approve without SSID" is offered; the server refuses it in
 * program years that require the SSID, and its message is shown.
 */
export function SsidPrompt({ idPrefix, required, busy, onApprove, onCancel }: {
  idPrefix: string;
  required: boolean;
  busy: boolean;
  onApprove: (ssid?: string) => void;
  onCancel: () => void;
}) {
  const [ssid, setSsid] = useState('');
  const [rekey, setRekey] = useState('');
  const [shown, setShown] = useState(false);
  const check = checkSsid(ssid);
  const rekeyed = check.value !== null ? rekeyIssue(check.value, rekey) : null;
  const blind = useBlindRekey(check.value !== null && rekeyed === null);
  const messages = [...check.errors, ...(rekeyed ? [rekeyed] : [])].map((e) => e.message);
  const notes = [...check.warnings, ...check.notes].map((n) => n.message);
  const ssidId = `${idPrefix}-ssid`;
  const rekeyId = `${idPrefix}-rekey`;
  const msgId = `${idPrefix}-msg`;

  const onSubmit = (event: Event) => {
    event.preventDefault();
    setShown(true);
    if (check.value !== null && messages.length === 0) onApprove(check.value);
  };

  return (
    <form class="ssid-prompt" onSubmit={onSubmit} noValidate>
      <p>
        This student has no CA SSID.{' '}
        {required ? 'This program year requires it before approval.' : 'Enter it now if you have it; the approval can go ahead without it in this program year.'}
      </p>
      <div class="field">
        <label for={ssidId}>CA SSID</label>
        <SsidInput id={ssidId} value={ssid} hidden={blind.firstHidden} onValue={setSsid} aria-describedby={msgId} aria-invalid={shown && messages.length > 0 ? true : undefined} />
      </div>
      <div class="field">
        <label for={rekeyId}>Re-enter CA SSID</label>
        <SsidInput id={rekeyId} value={rekey} onValue={setRekey} onFocus={blind.onRekeyFocus} onBlur={blind.onRekeyBlur} aria-describedby={msgId} />
      </div>
      <ul id={msgId} class="msgs" aria-live="polite">
        {(shown || rekey.trim() !== '') &&
          [...messages.map((m) => ({ m, kind: 'error' })), ...notes.map((m) => ({ m, kind: 'warning' }))].map(({ m, kind }) => (
            <li key={m} class={`msg msg-${kind}`}>
              {m}
            </li>
          ))}
      </ul>
      <div class="card-actions">
        <button type="submit" class="button button-primary" disabled={busy}>
          Approve with this SSID
        </button>
        <button type="button" class="button" onClick={() => onApprove()} disabled={busy}>
          Approve without SSID
        </button>
        <button type="button" class="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
