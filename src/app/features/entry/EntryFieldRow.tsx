import { Component } from 'preact';
import type { FieldDef, FieldName } from '../../../shared/application';
import type { School } from '../../../shared/protocol';
import { describedBy, Field } from '../../components/Field';
import type { FieldMessage } from '../../model/fieldMessages';
import { FormInput } from './FormInput';

/** One paper field of the entry form, its input and its messages. */
export interface EntryFieldRowProps {
  def: FieldDef;
  value: string | string[];
  messages: FieldMessage[];
  schools: readonly School[];
  hidden: boolean;
  onField: (name: FieldName, value: string | string[]) => void;
}

function sameMessages(a: readonly FieldMessage[], b: readonly FieldMessage[]): boolean {
  return a.length === b.length && a.every((m, i) => m.kind === b[i]!.kind && m.code === b[i]!.code && m.text === b[i]!.text);
}

/**
 * Redrawn only when its own value, messages or options change: a keystroke
 * redraws the field typed in, not the thirty around it (keystroke latency at
 * 4x CPU, issue 14). A class for shouldComponentUpdate: preact's memo lives in
 * preact/compat, whose option hooks would change every event in the app.
 */
export class EntryFieldRow extends Component<EntryFieldRowProps> {
  override shouldComponentUpdate(next: EntryFieldRowProps): boolean {
    const now = this.props;
    return !(now.def === next.def && now.value === next.value && now.schools === next.schools && now.hidden === next.hidden
      && now.onField === next.onField && sameMessages(now.messages, next.messages));
  }

  override render({ def, value, messages, schools, hidden, onField }: EntryFieldRowProps) {
    const id = `f-${def.name}`;
    return (
      <Field id={id} label={def.label} messages={messages} group={def.kind === 'multi'} wide={def.kind === 'multi'}>
        <FormInput
          def={def}
          id={id}
          value={value}
          onValue={(next) => onField(def.name, next)}
          describedBy={describedBy(id, false, messages.length > 0)}
          invalid={messages.some((m) => m.kind === 'error')}
          schools={schools}
          hidden={hidden}
        />
      </Field>
    );
  }
}
