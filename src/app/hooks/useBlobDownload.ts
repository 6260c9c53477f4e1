/** A CSV the screen already holds, as a link's download. */
import { useEffect, useMemo } from 'preact/hooks';

/** The CSV as a downloadable object URL and the name to save it under. */
export interface FileDownload {
  href: string;
  fileName: string;
}

/**
 * An object URL for `text` as a CSV file, made in the same render as what the
 * screen shows (so the link never downloads an older list) and revoked when
 * the text changes or the screen closes.
 */
export function useBlobDownload(text: string | null, fileName: string): FileDownload | null {
  const href = useMemo(() => (text === null ? null : URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }))), [text]);
  useEffect(
    () => () => {
      if (href !== null) URL.revokeObjectURL(href);
    },
    [href],
  );
  return href ? { href, fileName } : null;
}
