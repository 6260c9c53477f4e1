import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/** A screen's h1; takes focus when the screen opens so screen readers announce it (unless a form field should). */
export function ScreenTitle({ children, focus = true }: { children: ComponentChildren; focus?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus({ preventScroll: true });
  }, [focus]);
  return (
    <h1 id="screen-title" tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}
