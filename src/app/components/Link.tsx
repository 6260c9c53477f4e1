import type { ComponentChildren } from 'preact';
import { useNavigate } from '../hooks/useLocation';

/** An in-app link: a real <a href> (open in new tab works) that navigates without reloading. */
export function Link({ href, children, class: className, current }: { href: string; children: ComponentChildren; class?: string; current?: boolean }) {
  const navigate = useNavigate();
  return (
    <a
      href={href}
      class={className}
      aria-current={current ? 'page' : undefined}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}
