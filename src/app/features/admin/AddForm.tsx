import type { ComponentChildren } from 'preact';
import { FormNoticeLine } from './FormNoticeLine';
import type { FormNotice } from './useAdminForm';

/** An admin list's "Add …" form: its heading, its fields side by side, what was done (or why not) and the button. */
export function AddForm({ id, title, submitLabel, onSubmit, notice, busy, children }: {
  id: string;
  title: string;
  submitLabel: string;
  onSubmit: (event: Event) => Promise<void>;
  notice: FormNotice | null;
  busy: boolean;
  children: ComponentChildren;
}) {
  return (
    <form class="admin-form" onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <div class="admin-form-fields">{children}</div>
      <FormNoticeLine notice={notice} />
      <button type="submit" class="button button-primary" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
