import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';

/**
 * A menu button in the top bar that opens a panel below it (a disclosure, so
 * Tab walks its items as on any page): aria-expanded says whether it is open,
 * Escape or a touch outside closes it and focus returns to the button, and a
 * link followed inside it closes it.
 */
export function HeaderMenu({ label, button, children }: { label: string; button: ComponentChildren; children: ComponentChildren }) {
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) toggle.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) close(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  return (
    <div
      class="header-menu"
      ref={wrapper}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.preventDefault();
          close(true);
        }
      }}
    >
      <button type="button" class="button header-menu-button" ref={toggle} aria-label={label} aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        {button}
        <span aria-hidden="true" class="header-menu-caret">▾</span>
      </button>
      <div
        id={panelId}
        class="header-menu-panel"
        hidden={!open}
        onClick={(event) => {
          if ((event.target as Element).closest('a')) close(false);
        }}
      >
        {open && children}
      </div>
    </div>
  );
}
