import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { DATE_PATTERN, dateInWords, readTypedDate, typedForm, type DateKind } from '../../shared/typed-dates';
import { localIsoDate } from '../model/today';

/** A date field's wiring: the stored value (ISO once it reads as a date) and the input's own attributes. */
export interface DateInputProps {
  id: string;
  value: string;
  onValue: (value: string) => void;
  kind: DateKind;
  describedBy?: string;
  invalid?: boolean;
  /** Marks the input as one stop of the entry form's Enter order. */
  entryField?: string;
}

/** What a typing is stored as: ISO once it reads as a date, the text itself until then (so a reload keeps it). */
function storedValue(text: string, kind: DateKind): string {
  const read = readTypedDate(text, localIsoDate(), kind);
  return read.ok ? read.iso : text.trim();
}

/**
 * A date typed as text, month first (design section 14): a native date input
 * types into segments and turns "2013-03-15" into the year 30315, so this
 * reads the forms people use and says the date back in words as it is read.
 */
export function DateInput({ id, value, onValue, kind, describedBy, invalid, entryField }: DateInputProps) {
  const [text, setText] = useState(() => typedForm(value));
  const sent = useRef(value);

  // A value from outside (a reopened record, the next blank sheet) replaces the typing; our own echo does not.
  // A layout effect, never a plain one: a plain effect runs after paint, so a key typed in between made it
  // compare an older render's value with the newer typing and put the older text back (a lost digit).
  useLayoutEffect(() => {
    if (value === sent.current) return;
    sent.current = value;
    setText(typedForm(value));
  }, [value]);

  const read = readTypedDate(text, localIsoDate(), kind);
  const wordsId = `${id}-words`;
  const onInput = (event: { currentTarget: HTMLInputElement }) => {
    const typed = event.currentTarget.value;
    setText(typed);
    sent.current = storedValue(typed, kind);
    onValue(sent.current);
  };

  return (
    <>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellcheck={false}
        placeholder={DATE_PATTERN}
        maxLength={10}
        value={text}
        onInput={onInput}
        aria-describedby={[wordsId, describedBy].filter(Boolean).join(' ')}
        aria-invalid={invalid || undefined}
        data-entry-field={entryField}
      />
      <p class="hint date-words" id={wordsId} aria-live="polite">
        {read.ok ? dateInWords(read.iso) : DATE_PATTERN}
      </p>
    </>
  );
}
