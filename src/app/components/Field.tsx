import type { ComponentChildren } from 'preact';
import type { FieldMessage } from '../model/fieldMessages';

/** The aria-describedby value for a field's input: its hint and its messages, when shown. */
export function describedBy(id: string, hasHint: boolean, hasMessages: boolean): string | undefined {
  const ids = [hasHint ? `${id}-hint` : null, hasMessages ? `${id}-msg` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

const PREFIX: Record<FieldMessage['kind'], string> = { error: 'Problem:', warning: 'Check:', note: 'Note:' };

/**
 * A labelled field with its hint and its messages beside it (the input comes as
 * children). A `group` (checkboxes) is a fieldset whose legend is the label.
 */
export function Field({ id, label, hint, messages = [], children, wide, group }: { id: string; label: string; hint?: string; messages?: FieldMessage[]; children: ComponentChildren; wide?: boolean; group?: boolean }) {
  const worst = messages.some((m) => m.kind === 'error') ? ' field-error' : messages.some((m) => m.kind === 'warning') ? ' field-warning' : '';
  const Wrapper = group ? 'fieldset' : 'div';
  return (
    <Wrapper class={`field${worst}${wide ? ' field-wide' : ''}`}>
      {group ? <legend id={`${id}-label`}>{label}</legend> : <label for={id}>{label}</label>}
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
      {messages.length > 0 && (
        <ul class="msgs" id={`${id}-msg`} aria-live="polite">
          {messages.map((m) => (
            <li key={m.code} class={`msg msg-${m.kind}`} data-code={m.code}>
              <span class="visually-hidden">{PREFIX[m.kind]} </span>
              {m.text}
            </li>
          ))}
        </ul>
      )}
    </Wrapper>
  );
}
