import type { JSX } from 'preact';

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
      readOnly={hidden}
      data-hidden-keying={hidden || undefined}
      onInput={(e) => onValue(e.currentTarget.value)}
    />
  );
}
