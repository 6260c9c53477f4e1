import type { ComponentChildren, VNode } from 'preact';
import type { FormNotice } from './useAdminForm';
import { FormNoticeLine } from './FormNoticeLine';
import type { Loaded } from './useAdmin';

/** An admin list as it loads: the last action's notice, then loading, why it failed, empty, or the items. */
export function AdminList<T>({ list, label, empty, notice, children }: {
  list: Loaded<T[]>;
  label: string;
  empty: string;
  notice: FormNotice | null;
  children: (item: T) => VNode;
}): VNode {
  let body: ComponentChildren;
  if (list.status === 'loading') body = <p class="muted">Loading…</p>;
  else if (list.status === 'failed') body = <p class="notice notice-warning">{list.message}</p>;
  else if (list.data.length === 0) body = <p class="empty">{empty}</p>;
  else {
    body = (
      <ul class="admin-list" aria-label={label}>
        {list.data.map(children)}
      </ul>
    );
  }
  return (
    <>
      <FormNoticeLine notice={notice} />
      {body}
    </>
  );
}
