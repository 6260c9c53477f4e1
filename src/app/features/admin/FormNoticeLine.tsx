import type { FormNotice } from './useAdminForm';

/** The line under an admin form: what was done, or why not. */
export function FormNoticeLine({ notice }: { notice: FormNotice | null }) {
  if (!notice) return null;
  return (
    <p class={`notice ${notice.kind === 'ok' ? 'notice-ok' : 'notice-error'}`} role={notice.kind === 'ok' ? 'status' : 'alert'}>
      {notice.text}
    </p>
  );
}
