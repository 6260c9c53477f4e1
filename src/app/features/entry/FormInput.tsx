import type { FieldDef } from '../../../shared/application';
import type { School } from '../../../shared/protocol';
import { DateInput } from '../../components/DateInput';
import { SsidInput } from '../../components/SsidInput';

/** How the control of one paper field is wired to the form. */
export interface FormInputProps {
  def: FieldDef;
  id: string;
  value: string | string[];
  onValue: (value: string | string[]) => void;
  describedBy?: string;
  invalid: boolean;
  schools: readonly School[];
  /** Show nothing of the value (the first SSID keying during the blind re-key). */
  hidden?: boolean;
}

const YES_NO = [
  ['yes', 'Yes'],
  ['no', 'No'],
] as const;

/**
 * The options ticked in a checkbox group, read from its boxes: they show every
 * click at once, while the value drawn may be a frame older (the form draws
 * changes after the frame, useApplicationEditor), so two quick ticks both count.
 */
function tickedOptions(group: Element | null, options: readonly string[]): string[] {
  const boxes = Array.from(group?.querySelectorAll<HTMLInputElement>('input[type=checkbox]') ?? []);
  return options.filter((_, i) => boxes[i]?.checked);
}

/** The input element for one field of the paper, chosen by its kind (keyboard, picker, checkboxes). */
export function FormInput({ def, id, value, onValue, describedBy, invalid, schools, hidden }: FormInputProps) {
  const common = { id, 'aria-describedby': describedBy, 'aria-invalid': invalid || undefined, 'data-entry-field': def.name };
  const text = typeof value === 'string' ? value : '';
  const onText = (e: { currentTarget: HTMLInputElement | HTMLSelectElement }) => onValue(e.currentTarget.value);

  switch (def.kind) {
    case 'multi': {
      const chosen = Array.isArray(value) ? value : [];
      return (
        <div class="checks" data-entry-field={def.name}>
          {(def.options ?? []).map((option, i) => (
            <label key={option} class="check">
              <input
                type="checkbox"
                id={i === 0 ? id : undefined}
                aria-describedby={describedBy}
                checked={chosen.includes(option)}
                onChange={(e) => onValue(tickedOptions(e.currentTarget.closest('.checks'), def.options ?? []))}
              />
              <span>{option}</span>
            </label>
          ))}
        </div>
      );
    }
    case 'select':
    case 'yesno':
    case 'school': {
      const options: [string, string][] =
        def.kind === 'yesno'
          ? YES_NO.map(([v, l]) => [v, l])
          : def.kind === 'school'
            ? schools.map((s) => [s.id, s.name])
            : (def.options ?? []).map((o) => [o, def.optionLabels?.[o] ?? o]);
      const unknown = text !== '' && !options.some(([v]) => v === text);
      return (
        <select {...common} value={text} onChange={onText}>
          <option value="">—</option>
          {unknown && <option value={text}>{def.kind === 'school' ? 'A school not on this tablet' : text}</option>}
          {options.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      );
    }
    case 'date':
      return (
        <DateInput id={id} value={text} onValue={onValue} kind={def.name === 'dateOfBirth' ? 'birth' : 'event'} describedBy={describedBy} invalid={invalid} entryField={def.name} />
      );
    case 'ssid':
      return <SsidInput {...common} value={text} hidden={hidden} onValue={onValue} />;
    case 'zip':
      return <input {...common} type="text" inputMode="numeric" autoComplete="off" maxLength={10} value={text} onInput={onText} />;
    case 'email':
      return <input {...common} type="email" autoComplete="off" value={text} onInput={onText} />;
    case 'tel':
      return <input {...common} type="tel" autoComplete="off" value={text} onInput={onText} />;
    case 'text':
      return <input {...common} type="text" autoComplete="off" value={text} onInput={onText} />;
  }
}
