import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/** The fields a screen can start in: the first one takes the keyboard when the screen opens. */
const FIRST_FIELD = 'input:not([type=hidden]):not([type=file]):not([disabled]), select:not([disabled]), textarea:not([disabled])';

/**
 * A screen's h1. When the screen opens, its first field takes focus so typing
 * can start at once, unless one of its fields has focus already; a screen without
 * fields focuses the title instead, so screen readers announce it.
 * `focus={false}` leaves focus to the screen itself.
 */
export function ScreenTitle({ children, focus = true }: { children: ComponentChildren; focus?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!focus) return;
    const screen = ref.current?.closest('.screen, main');
    // Already in one of its fields (index.html's sign-in form, typed into before the app ran): stay there.
    const active = document.activeElement;
    if (active && screen?.contains(active) && active.matches(FIRST_FIELD)) return;
    const field = screen?.querySelector<HTMLElement>(FIRST_FIELD);
    (field ?? ref.current)?.focus({ preventScroll: true });
  }, [focus]);
  return (
    <h1 id="screen-title" tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}
