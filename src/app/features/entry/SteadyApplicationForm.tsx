import { Component } from 'preact';
import { ApplicationForm, type ApplicationFormProps } from './ApplicationForm';

/**
 * The entry form, redrawn only when one of its props changes: the save status
 * and the stored copy move after every autosave, and redrawing the screen for
 * them must not walk the thirty fields again (keystroke latency at 4x CPU,
 * issue 14). A class for shouldComponentUpdate, as EntryFieldRow says why.
 */
export class SteadyApplicationForm extends Component<ApplicationFormProps> {
  override shouldComponentUpdate(next: ApplicationFormProps): boolean {
    const now = this.props as unknown as Record<string, unknown>;
    const then = next as unknown as Record<string, unknown>;
    const keys = new Set([...Object.keys(now), ...Object.keys(then)]);
    return [...keys].some((key) => now[key] !== then[key]);
  }

  override render(props: ApplicationFormProps) {
    return <ApplicationForm {...props} />;
  }
}
