/**
 * The entry form's keyboard (design sections 5 and 14): Enter moves to the next
 * field in paper order, a fixed-length field moves on by itself once typed full,
 * and an option list or the checkbox group takes a number or first letter.
 */
import type { RefObject } from 'preact';
import type { FieldDef, FieldKind, FieldName } from '../../../shared/application';
import { isFieldFull, optionForKey } from '../../../shared/keying';

/** The next control after `from` in paper order (one stop per field, a checkbox group is one), or null after the last. */
function nextControl(formEl: HTMLElement, from: HTMLElement): HTMLElement | null {
  const stops = Array.from(formEl.querySelectorAll<HTMLElement>('[data-entry-field]'));
  const next = stops[stops.indexOf(from.closest<HTMLElement>('[data-entry-field]') ?? from) + 1];
  if (!next) return null;
  return next.matches('.checks') ? next.querySelector<HTMLElement>('input') : next;
}

const plainKey = (event: KeyboardEvent) => event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey && !event.isComposing;

/** Handlers for the form element; `afterLastId` is where the keyboard goes after the last field. */
export function useEntryKeys(formRef: RefObject<HTMLFormElement>, form: readonly FieldDef[], afterLastId: string, onField: (name: FieldName, value: string) => void) {
  const moveOn = (from: HTMLElement) => {
    if (!formRef.current) return;
    (nextControl(formRef.current, from) ?? document.getElementById(afterLastId))?.focus();
  };
  const kindOf = (name: string | undefined): FieldKind | undefined => (name === 'ssidRekey' ? 'ssid' : form.find((d) => d.name === name)?.kind);

  const chooseOption = (event: KeyboardEvent, target: HTMLElement) => {
    if (target instanceof HTMLSelectElement) {
      const options = Array.from(target.options).filter((o) => o.value !== '');
      const chosen = options[optionForKey(options.map((o) => o.text), event.key) ?? -1];
      if (!chosen) return; // Ambiguous ("1" of grades 1, 10, 11, 12): the browser's own type-ahead goes on.
      event.preventDefault();
      onField(target.dataset.entryField as FieldName, chosen.value);
      moveOn(target);
    } else if (target instanceof HTMLInputElement && target.type === 'checkbox') {
      const boxes = Array.from(target.closest('.checks')?.querySelectorAll<HTMLInputElement>('input[type=checkbox]') ?? []);
      const box = boxes[optionForKey(boxes.map((b) => b.parentElement?.textContent ?? ''), event.key) ?? -1];
      if (!box) return;
      event.preventDefault();
      box.click();
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (plainKey(event)) {
      chooseOption(event, target);
      return;
    }
    // Ctrl+Enter belongs to the whole sheet (useCtrlEnter on the entry screen).
    if (event.key !== 'Enter' || event.isComposing || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
    event.preventDefault();
    moveOn(target);
  };

  const onInput = (event: InputEvent) => {
    // Only typing moves on: deleting back to full length, or a value set by the app, does not.
    if (!event.inputType?.startsWith('insert')) return;
    const target = event.target as HTMLElement;
    const kind = kindOf(target.dataset.entryField);
    if (target instanceof HTMLInputElement && kind && isFieldFull(kind, target.value)) moveOn(target);
  };

  return { onKeyDown, onInput };
}
