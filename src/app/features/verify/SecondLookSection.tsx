import { useEffect, useRef, useState } from 'preact/hooks';
import { fieldLabel } from '../../../shared/application';
import type { CenterAdvisor } from '../../../shared/protocol';
import type { SecondLookLine } from '../../../shared/verify-sheet';
import { asOnPaper, differingPlaces, keyedValue, keyingInput } from './keyed';
import type { PaperLooks, VerifyView } from './useVerifyBatch';

interface Props {
  sheets: VerifyView['secondLook'];
  /** Who may read the paper: the center's advisors but the first keyer, as for the second keying. */
  keyers: CenterAdvisor[];
  look: (recordId: string, readerId: string, looks: PaperLooks) => Promise<SecondLookLine[]>;
  /** Nothing is left to key: the cursor comes here, to the first sheet to read from the paper. */
  takeFocus: boolean;
}

/** One value of a line, the places where the three differ marked. */
function Keyed({ value, places }: { value: string; places: number[] }) {
  return <span class="keyed">{[...value].map((c, i) => (places.includes(i + 1) ? <mark key={i}>{c}</mark> : c))}</span>;
}

/** The three values of a line side by side, and where they differ in words (the marks are not read out). */
function Readings({ line }: { line: SecondLookLine }) {
  const shown = line.values.map((v) => asOnPaper(line.field, v));
  const places = differingPlaces(shown);
  const unit = line.field === 'ssid' ? 'digit' : 'character';
  return (
    <p>
      Keyed three ways: {shown.map((v, i) => <span key={i}>{i > 0 ? ' · ' : ''}<Keyed value={v} places={places} /></span>)}
      {places.length > 0 ? <> (they differ at {unit}{places.length > 1 ? 's' : ''} {places.join(', ')})</> : null}
    </p>
  );
}

/**
 * "Needs a second look": the sheets whose third keying agreed with neither,
 * each line's three values side by side. A person holds the paper sheet and
 * types each line as it reads there (shared/verification.ts rule 5), names
 * themselves, and the sheet is verified; a reading no keyer had is asked once
 * more, blind, and the SSID may be left for the school when the paper cannot
 * be read for sure.
 */
export function SecondLookSection({ sheets, keyers, look, takeFocus }: Props) {
  const [open, setOpen] = useState<string | null>(null);
  const [reader, setReader] = useState<string | null>(null);
  const [readings, setReadings] = useState<PaperLooks>({});
  const [again, setAgain] = useState<SecondLookLine[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // The form is drawn anew when a sheet opens and when a reading is asked again: the cursor goes to its first control.
  // Without a form, and with nothing left to key, it goes to the next sheet to read, so the keyboard carries on.
  useEffect(() => {
    if (formRef.current) formRef.current.querySelector('input')?.focus();
    else if (takeFocus) listRef.current?.querySelector('button')?.focus();
  }, [open, again, takeFocus, sheets.length]);

  if (sheets.length === 0) return null;
  const sheet = sheets.find((s) => s.id === open);
  const close = () => {
    setOpen(null);
    setReader(null);
    setReadings({});
    setAgain([]);
    setProblem(null);
  };

  const onSettle = async (event: Event) => {
    event.preventDefault();
    if (!sheet) return;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const readerId = reader ?? data.get('reader');
    if (typeof readerId !== 'string') return;
    const looks: PaperLooks = { ...readings };
    for (const line of again.length > 0 ? again : sheet.lines) {
      const typed = keyedValue(line.field, String(data.get(line.field) ?? '').trim());
      const unreadable = line.field === 'ssid' && data.get('ssid-unreadable') === 'on';
      if (typed === '' && !unreadable) {
        setProblem(`Type the ${fieldLabel(line.field)} as the paper reads${line.field === 'ssid' ? ', or say the paper cannot be read' : ''}.`);
        return;
      }
      looks[line.field] = again.length > 0 ? { reading: readings[line.field]?.reading ?? '', again: typed } : { reading: unreadable ? '' : typed };
    }
    setProblem(null);
    const left = await look(sheet.id, readerId, looks);
    if (left.length === 0) return close();
    setReader(readerId);
    setReadings(looks);
    setAgain(left);
  };

  return (
    <section aria-labelledby="second-look">
      <h2 id="second-look">Needs a second look</h2>
      <p>The paper's third keying agreed with neither of the first two. Take the paper sheet and read these lines on it again.</p>
      {sheet ? (
        <form ref={formRef} class="stack-form" onSubmit={(e) => void onSettle(e)} autocomplete="off" key={`${sheet.id}-${again.length}`}>
          <h3>Sheet {sheet.sheet}</h3>
          {reader === null ? (
            <fieldset>
              <legend>Who is reading the paper? The person who typed the batch cannot settle it.</legend>
              {keyers.map((k) => (
                <label key={k.id} class="choice">
                  <input type="radio" name="reader" value={k.id} required /> {k.name}
                </label>
              ))}
            </fieldset>
          ) : null}
          {problem ? <p role="alert">{problem}</p> : null}
          {(again.length > 0 ? again : sheet.lines).map((line) => (
            <fieldset key={line.field}>
              <legend>{fieldLabel(line.field)} line of sheet {sheet.sheet}</legend>
              <Readings line={line} />
              {again.length > 0 ? (
                <p role="alert">Your reading agrees with none of the three. Type it again from the paper: it stands if both readings agree.</p>
              ) : null}
              <div class="field">
                <label for={`look-${line.field}`}>{fieldLabel(line.field)} {again.length > 0 ? 'again, ' : ''}as the paper reads</label>
                <input id={`look-${line.field}`} name={line.field} autocomplete="off" autocorrect="off" spellcheck={false} {...keyingInput(line.field)} />
              </div>
              {line.field === 'ssid' && again.length === 0 ? (
                <label class="choice">
                  <input type="checkbox" name="ssid-unreadable" /> The paper cannot be read for sure: leave the SSID blank, and it is asked of the school
                </label>
              ) : null}
            </fieldset>
          ))}
          <div class="form-actions">
            <button type="submit" class="button button-primary">Settle sheet {sheet.sheet}</button>
            <button type="button" class="button" onClick={close}>Cancel</button>
          </div>
        </form>
      ) : (
        <ul class="second-look-list" ref={listRef}>
          {sheets.map(({ id, sheet: n, lines }) => (
            <li key={id}>
              <h3>Sheet {n}</h3>
              {lines.map((line) => (
                <div key={line.field}>
                  <strong>{fieldLabel(line.field)} line on the paper</strong>
                  <Readings line={line} />
                </div>
              ))}
              <button type="button" class="button" onClick={() => setOpen(id)} disabled={keyers.length === 0}>Read sheet {n} from the paper</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
