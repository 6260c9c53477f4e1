import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { formSections, type FieldDef } from '../../../shared/application';
import { afterNextPaint } from '../../services/afterNextPaint';

/** The longest the rest of the form waits for a frame that does not come (a hidden page). */
const REST_FALLBACK_MS = 100;

/**
 * The fields the entry screen draws: the first section in the render that puts
 * the form in the page, the whole form in the gap after that frame. Drawing and
 * laying out all thirty fields (seven option lists among them) in one task was
 * most of the wait from the passphrase to a form that takes typing (cold start
 * at 4x CPU, issue 14); the rest comes before a hand can reach the second section.
 * The state is the screen's, not the form's (ARCHITECTURE rule 7). Every sheet
 * opens a new screen (routes.tsx keys it by the navigation), so each is drawn so.
 */
export function useFormInSteps(form: readonly FieldDef[], shown: boolean): { fields: readonly FieldDef[]; whole: boolean } {
  const [whole, setWhole] = useState(false);
  // A layout effect asks for the frame in the task that drew the first section, so the rest follows that frame's paint.
  useLayoutEffect(() => (shown && !whole ? afterNextPaint(() => setWhole(true), REST_FALLBACK_MS) : undefined), [shown, whole]);
  // The first section (what a tablet's screen shows first, and where the cursor starts), one list for as long as
  // it is drawn: the steady form redraws only when a prop is a new value.
  const first = useMemo(() => formSections(form)[0]?.[1] ?? [], [form]);
  return { fields: whole ? form : first, whole };
}
