/** How the screens word a set-aside row (db/setAside.ts): what it is, whose it is, and what was read of it. */
import { fieldLabel } from '../../shared/application';
import type { SetAsideRow, SetAsideTable } from '../db/setAside';
import { listName } from './format';

const KINDS: Record<SetAsideTable, string> = {
  applications: 'A paper application',
  batches: 'A batch',
  outbox: 'A confirmed version waiting to be sent',
  roster: 'A student pulled from the center',
};

/** What kind of row it is, in words. */
export function setAsideKind(table: SetAsideTable): string {
  return KINDS[table];
}

/** The student's name as far as it could be read, or the kind of row. */
export function setAsideTitle(row: SetAsideRow): string {
  const fields = row.readable.fields;
  if (typeof fields === 'object' && fields !== null) {
    const { firstName, lastName } = fields as Record<string, unknown>;
    if (typeof firstName === 'string' || typeof lastName === 'string') {
      return listName({ firstName: typeof firstName === 'string' ? firstName : '', lastName: typeof lastName === 'string' ? lastName : '' });
    }
  }
  return setAsideKind(row.table);
}

function show(value: unknown): string {
  if (typeof value === 'string') return value === '' ? '(blank)' : value;
  return JSON.stringify(value) ?? String(value);
}

/** What was read of the row as label and value lines: the paper's fields under their labels, then the rest. */
export function readableLines(readable: Record<string, unknown>): { label: string; value: string }[] {
  const lines: { label: string; value: string }[] = [];
  for (const [name, value] of Object.entries(readable)) {
    if (name === 'fields' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [field, fieldValue] of Object.entries(value)) lines.push({ label: fieldLabel(field), value: show(fieldValue) });
    } else {
      lines.push({ label: name, value: show(value) });
    }
  }
  return lines;
}
