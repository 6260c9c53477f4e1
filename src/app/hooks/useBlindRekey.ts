import { useMemo, useState } from 'preact/hooks';

/** Whether the first keying is hidden now, and the re-key field's focus handlers. */
export interface BlindRekey {
  firstHidden: boolean;
  onRekeyFocus: () => void;
  onRekeyBlur: () => void;
}

/**
 * The blind re-key: while the second keying has focus and the two do not yet
 * agree, the first keying is hidden, so the advisor types from the paper and
 * not from the screen. It shows again once they agree or focus leaves the re-key.
 * The same object until `firstHidden` changes: the entry form is redrawn only
 * when one of its props changes (SteadyApplicationForm).
 */
export function useBlindRekey(agreed: boolean): BlindRekey {
  const [rekeyFocused, setRekeyFocused] = useState(false);
  const firstHidden = rekeyFocused && !agreed;
  return useMemo(() => ({ firstHidden, onRekeyFocus: () => setRekeyFocused(true), onRekeyBlur: () => setRekeyFocused(false) }), [firstHidden]);
}
