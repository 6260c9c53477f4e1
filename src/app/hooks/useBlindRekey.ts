import { useState } from 'preact/hooks';

/**
 * The blind re-key: while the second keying has focus and the two do not yet
 * agree, the first keying is hidden, so the advisor types from the paper and
 * not from the screen. It shows again once they agree or focus leaves the re-key.
 */
export function useBlindRekey(agreed: boolean): { firstHidden: boolean; onRekeyFocus: () => void; onRekeyBlur: () => void } {
  const [rekeyFocused, setRekeyFocused] = useState(false);
  return { firstHidden: rekeyFocused && !agreed, onRekeyFocus: () => setRekeyFocused(true), onRekeyBlur: () => setRekeyFocused(false) };
}
