/**
 * The entry form's keyboard (design sections 5 and 14): Enter moves to the next
 * field in paper order, passing over what the app filled in; a fixed-length
 * field, or a field typed with one of its whole common values, moves on by
 * itself; an option list or the checkbox group takes a number or first letter.
 */
import type { RefObject } from 'preact';
import { useRef } from 'preact/hooks';
import type { FieldDef, FieldName } from '../../../shared/application';
import { continuesFieldLeft, isEnterStop, isFieldFull, optionForKey } from '../../../shared/keying';

const valueOf = (el: HTMLElement) => (el instanceof HTMLInputElement || el instanceof HTMLSelectElement ? el.value : '');

/**
 * A value the app puts in a field for the advisor goes into the control at once,
 * as a typed one is put there by the browser: the form draws changes a frame
 * later (useApplicationEditor), and the next key must find this value there.
 */
function putValue(el: HTMLInputElement | HTMLSelectElement, value: string, onField: (name: FieldName, value: string) => void): void {
  el.value = value;
  onField(el.dataset.entryField as FieldName, value);
}

/** The next control after `from` in paper order that `stopsAt` (one stop per field, a checkbox group is one), or null after the last. */
function nextControl(formEl: HTMLElement, from: HTMLElement, stopsAt: (el: HTMLElement) => boolean): HTMLElement | null {
  const stops = Array.from(formEl.querySelectorAll<HTMLElement>('[data-entry-field]'));
  const next = stops.slice(stops.indexOf(from.closest<HTMLElement>('[data-entry-field]') ?? from) + 1).find(stopsAt);
  if (!next) return null;
  return next.matches('.checks') ? next.querySelector<HTMLElement>('input') : next;
}

const plainKey = (event: KeyboardEvent) => event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey && !event.isComposing;

/** Handlers for the form element; `afterLastId` is where the keyboard goes after the last field. */
export function useEntryKeys(formRef: RefObject<HTMLFormElement>, form: readonly FieldDef[], afterLastId: string, onField: (name: FieldName, value: string) => void) {
  // The re-key is keyed like the SSID it repeats.
  const defOf = (name: string | undefined): FieldDef | undefined => form.find((d) => d.name === (name === 'ssidRekey' ? 'ssid' : name));
  const stopsAt = (el: HTMLElement) => {
    const def = defOf(el.dataset.entryField);
    return !def || isEnterStop(def, valueOf(el));
  };
  const moveOn = (from: HTMLElement) => {
    if (!formRef.current) return;
    (nextControl(formRef.current, from, stopsAt) ?? document.getElementById(afterLastId))?.focus();
  };

  const chooseOption = (event: KeyboardEvent, target: HTMLElement) => {
    if (target instanceof HTMLSelectElement) {
      const options = Array.from(target.options).filter((o) => o.value !== '');
      const chosen = options[optionForKey(options.map((o) => o.text), event.key) ?? -1];
      if (!chosen) return; // Ambiguous ("1" of grades 1, 10, 11, 12): the browser's own type-ahead goes on.
      event.preventDefault();
      putValue(target, chosen.value, onField);
      moveOn(target);
    } else if (target instanceof HTMLInputElement && target.type === 'checkbox') {
      const boxes = Array.from(target.closest('.checks')?.querySelectorAll<HTMLInputElement>('input[type=checkbox]') ?? []);
      const box = boxes[optionForKey(boxes.map((b) => b.parentElement?.textContent ?? ''), event.key) ?? -1];
      if (!box) return;
      event.preventDefault();
      box.click();
    }
  };

  // Where the cursor last moved by itself from a words field, until the next key.
  const wordMove = useRef<{ from: HTMLInputElement; to: Element | null } | null>(null);

  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    const moved = wordMove.current;
    wordMove.current = null;
    if (moved && moved.to === target && target instanceof HTMLInputElement && target.type !== 'checkbox' && continuesFieldLeft(event.key, target.value)) {
      event.preventDefault();
      putValue(moved.from, `${moved.from.value} `, onField);
      moved.from.focus();
      return;
    }
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
    const def = defOf(target.dataset.entryField);
    if (target instanceof HTMLInputElement && def && isFieldFull(def.kind, target.value, def.words)) {
      moveOn(target);
      if (def.words) wordMove.current = { from: target, to: document.activeElement };
    }
  };

  return { onKeyDown, onInput };
}
