import type { JSX } from 'preact';

function restore(input: HTMLInputElement, value: string) {
  input.value = value;
  input.select();
}

/** A CA SSID input: the numeric keypad, no autocomplete or spelling help; `hidden` shows nothing of the value. */
export function SsidInput({ value, hidden = false, onValue, ...rest }: { value: string; hidden?: boolean; onValue: (value: string) => void } & Omit<JSX.HTMLAttributes<HTMLInputElement>, 'value' | 'onInput'>) {
  return (
    <input
      {...rest}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      spellcheck={false}
      maxLength={32}
      // Hidden means absent from the page, not merely styled away: the value is not in the DOM.
      value={hidden ? '' : value}
      placeholder={hidden ? 'Hidden while you re-key' : undefined}
      data-hidden-keying={hidden || undefined}
      onInput={(e) => onValue(e.currentTarget.value)}
      // Focus here leaves the re-key: the value is back (selected, as a Tab into a field selects) before the first keystroke, not a render later.
      onFocusCapture={hidden ? (e) => restore(e.currentTarget, value) : undefined}
    />
  );
}
