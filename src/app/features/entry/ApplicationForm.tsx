import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { DraftInput } from '../../db/applications';
import { DEFAULT_FORM, formSections, type FieldDef, type FieldName } from '../../../shared/application';
import type { School } from '../../../shared/protocol';
import type { Validation } from '../../../shared/validate';
import { isRevealed, messagesByField, type EntryField } from '../../model/fieldMessages';
import type { BlindRekey } from '../../hooks/useBlindRekey';
import { describedBy, Field } from '../../components/Field';
import { PaperShowsBox } from './PaperShowsBox';
import { SSID_WARNINGS_TO_CHECK } from '../../../shared/validate';
import { useEntryKeys } from './useEntryKeys';
import { EntryFieldRow } from './EntryFieldRow';
import { SsidInput } from '../../components/SsidInput';

/** The entry form's inputs and what it reports back. */
export interface ApplicationFormProps {
  draft: DraftInput;
  validation: Validation;
  /** Fields holding the batch's value, marked as such. */
  carried: ReadonlySet<FieldName>;
  schools: readonly School[];
  /** Show every field's messages at once (a record reopened from the store). */
  revealAll: boolean;
  /** Fields left at least once: their messages show even when blank. */
  left: ReadonlySet<EntryField>;
  /** The blind re-key's state, kept by the screen. */
  blind: BlindRekey;
  /** Where Enter goes after the last field. */
  afterLastId: string;
  form?: readonly FieldDef[];
  onField: (name: FieldName, value: string | string[]) => void;
  onRekey: (value: string) => void;
  onSsidChecked: (checked: boolean) => void;
  /** Focus left a field (null: it left from outside any field). */
  onLeave: (field: EntryField | null) => void;
}

const REKEY_ID = 'f-ssidRekey';

/**
 * The paper form, section by section, keyboard-first (see useEntryKeys). It
 * keeps no state of its own and draws only its props: the editor draws a typed
 * change a frame after the key (useApplicationEditor), and a form redrawn for
 * state of its own in that gap would draw the field typed in with the value
 * before the key, and put it back into the input.
 */
export function ApplicationForm({ draft, validation, carried, schools, revealAll, left, blind, afterLastId, form = DEFAULT_FORM, onField, onRekey, onSsidChecked, onLeave }: ApplicationFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const messages = useMemo(() => messagesByField(draft.fields, validation, carried), [draft.fields, validation, carried]);
  const keys = useEntryKeys(formRef, form, afterLastId, onField);

  // Focused as the form is put in the page, not after its first frame: preact runs a plain
  // effect only after the next paint, and on a slow tablet that frame (the whole form laid
  // out and painted) and the tasks queued behind it kept keys from the field (cold start, issue 14).
  useLayoutEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[data-entry-field]')?.focus();
  }, []);

  const onFocusOut = (event: FocusEvent) => {
    const field = (event.target as HTMLElement).closest<HTMLElement>('[data-entry-field]')?.dataset.entryField as EntryField | undefined;
    onLeave(field ?? null);
  };

  const shown = (field: EntryField) => (isRevealed(field, draft.fields, draft.ssidRekey, left, revealAll) ? (messages.get(field) ?? []) : []);

  return (
    <form ref={formRef} class="entry-form" onKeyDown={keys.onKeyDown} onInput={keys.onInput} onFocusOut={onFocusOut} onSubmit={(e) => e.preventDefault()} noValidate>
      {formSections(form).map(([section, defs]) => (
        <fieldset key={section} class="section">
          <legend>{section}</legend>
          <div class="grid">
            {defs.map((def) => {
              const field = (
                <EntryFieldRow key={def.name} def={def} value={draft.fields[def.name]} messages={shown(def.name)} schools={schools} hidden={def.kind === 'ssid' && blind.firstHidden} onField={onField} />
              );
              if (def.name === 'dateOfBirth') {
                const needsLook = validation.errors.some((e) => e.code === 'dob_unchecked') || draft.fields.dateOfBirthChecked === 'yes';
                return [
                  field,
                  needsLook ? (
                    <PaperShowsBox key="dateOfBirthChecked" name="dateOfBirthChecked" label="The paper shows this" checked={draft.fields.dateOfBirthChecked === 'yes'} onChange={(checked) => onField('dateOfBirthChecked', checked ? 'yes' : '')} />
                  ) : null,
                ];
              }
              if (def.kind !== 'ssid') return field;
              const rekeyMsgs = shown('ssidRekey');
              const needsLook = validation.warnings.some((w) => w.field === 'ssid' && SSID_WARNINGS_TO_CHECK.has(w.code));
              return [
                field,
                needsLook ? <PaperShowsBox key="ssidChecked" name="ssidChecked" label="The paper shows this number" checked={draft.ssidChecked ?? false} onChange={onSsidChecked} /> : null,
                <Field key="ssidRekey" id={REKEY_ID} label="Re-enter CA SSID" hint="Type it again from the paper, without looking at the first." messages={rekeyMsgs}>
                  <SsidInput
                    id={REKEY_ID}
                    value={draft.ssidRekey}
                    onValue={onRekey}
                    onFocus={blind.onRekeyFocus}
                    onBlur={blind.onRekeyBlur}
                    aria-describedby={describedBy(REKEY_ID, true, rekeyMsgs.length > 0)}
                    aria-invalid={rekeyMsgs.some((m) => m.kind === 'error') || undefined}
                    data-entry-field="ssidRekey"
                  />
                </Field>,
              ];
            })}
          </div>
        </fieldset>
      ))}
    </form>
  );
}
