import { useState } from 'preact/hooks';
import { useSchoolReturnImport } from './useSchoolReturnImport';
import { useSchools } from '../../../hooks/useSchools';
import { ScreenTitle } from '../../../components/ScreenTitle';
import { ImportProgress } from './ImportProgress';
import { ImportResult } from './ImportResult';
import { ReturnReviewPanel } from './ReturnReviewPanel';
import { SheetPicker } from './SheetPicker';
import '../../../styles/students.css';

/** Delimited text (CSV, tab, caret extracts) and Excel workbooks. */
const RETURN_FILE_TYPES = [
  '.csv', '.txt', '.tsv', '.dat', '.xlsx', 'text/csv', 'text/plain',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
].join(',');

/**
 * Loading the file a school sends back (CSV, .xlsx or a caret extract): choose the file, watch it being read,
 * then review every row before anything is applied.
 */
export function SchoolReturnScreen() {
  const { schools } = useSchools();
  const [schoolId, setSchoolId] = useState('');
  const { state, accepted, applying, applyError, load, chooseSheet, acceptExact, chooseRow, apply, reset } = useSchoolReturnImport();
  const sheets = state.phase === 'failed' || state.phase === 'review' ? state.sheets : null;
  const reading = state.phase === 'reading';

  const onFile = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    load(file, schoolId).catch((error: unknown) => console.error('Loading the school’s return failed', error));
    // Choosing the same file again (after fixing it) must load it again.
    input.value = '';
  };

  return (
    <section class="screen school-return" aria-labelledby="screen-title">
      <ScreenTitle>Load a school’s return</ScreenTitle>
      {state.phase !== 'review' && state.phase !== 'applied' && (
        <div class="return-pick">
          <p>
            Choose the file the school sent back with its students’ CA SSIDs: a CSV, an Excel workbook (.xlsx) or the state
            system’s caret-delimited extract. Nothing is changed until you have reviewed the matches and applied them.
          </p>
          <div class="field">
            <label for="return-school">Match against the students of</label>
            <select id="return-school" value={schoolId} onChange={(e) => setSchoolId(e.currentTarget.value)} disabled={reading}>
              <option value="">Every school</option>
              {schools.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="return-file">School’s return file</label>
            <input id="return-file" type="file" accept={RETURN_FILE_TYPES} onChange={onFile} disabled={reading} />
          </div>
        </div>
      )}
      {sheets && sheets.names.length > 1 && (
        <SheetPicker
          sheets={sheets}
          onChoose={(index) => chooseSheet(index).catch((error: unknown) => console.error('Reading the chosen sheet failed', error))}
        />
      )}
      {state.phase === 'reading' && <ImportProgress fileName={state.fileName} rowsDone={state.rowsDone} rowsTotal={state.rowsTotal} />}
      {state.phase === 'failed' && (
        <div class="notice notice-error" role="alert">
          <p>
            <strong>{state.fileName} could not be loaded.</strong>
          </p>
          <ul>
            {state.errors.map((e) => (
              <li key={e.code}>{e.message}</li>
            ))}
          </ul>
        </div>
      )}
      {state.phase === 'review' && (
        <ReturnReviewPanel
          review={state.review}
          accepted={accepted}
          applying={applying}
          applyError={applyError}
          onAcceptExact={acceptExact}
          onChoose={chooseRow}
          onApply={() => apply().catch((error: unknown) => console.error('Applying SSID updates failed', error))}
          onCancel={reset}
        />
      )}
      {state.phase === 'applied' && <ImportResult fileName={state.fileName} queued={state.queued} refused={state.refused} onAnother={reset} />}
    </section>
  );
}
