import { useState } from 'preact/hooks';
import type { AdminSchool } from '../../../shared/admin-protocol';
import { ConfirmButton } from './ConfirmButton';
import { TextField } from '../../components/TextField';

/** One school: its name and CDS code, "Rename" in place, and "Retire" after a second question. */
export function SchoolRow({ school, onRename, onRetire }: { school: AdminSchool; onRename: (name: string) => Promise<boolean>; onRetire: () => Promise<void> }) {
  const [editing, setEditing] = useState<string | null>(null);
  const save = async (event: Event) => {
    event.preventDefault();
    if (editing !== null && (await onRename(editing))) setEditing(null);
  };
  return (
    <li class={`admin-item${school.retired ? ' admin-item-off' : ''}`}>
      {editing === null ? (
        <div class="admin-item-main">
          <strong>{school.name}</strong>
          <span class="muted">
            CDS {school.cdsCode}
            {school.city && ` · ${school.city}`}
            {school.retired && ' · Retired (records kept)'}
          </span>
        </div>
      ) : (
        <form class="admin-item-main admin-rename" onSubmit={save}>
          <TextField id={`rename-${school.id}`} label={`New name for ${school.name}`} value={editing} onInput={setEditing} />
          <div class="admin-item-actions">
            <button type="submit" class="button button-primary">
              Save name
            </button>
            <button type="button" class="button" onClick={() => setEditing(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {editing === null && !school.retired && (
        <div class="admin-item-actions">
          <button type="button" class="button" onClick={() => setEditing(school.name)} aria-label={`Rename ${school.name}`}>
            Rename
          </button>
          <ConfirmButton
            label="Retire"
            name={school.name}
            question={`Retire ${school.name}? Tablets stop offering it; its students and records stay.`}
            confirmLabel="Retire school"
            onConfirm={onRetire}
          />
        </div>
      )}
    </li>
  );
}
