import { useApplicationEditor } from './useApplicationEditor';
import type { EditorTarget } from './loadEditorTarget';
import { paths } from '../../paths';
import { useBatchPosition } from './useBatchPosition';
import { useCtrlEnter } from './useCtrlEnter';
import { useSchools } from '../../hooks/useSchools';
import { SteadyApplicationForm } from './SteadyApplicationForm';
import { ConfirmPanel } from './ConfirmPanel';
import { Link } from '../../components/Link';
import { SaveStatus } from './SaveStatus';
import { ScreenTitle } from '../../components/ScreenTitle';
import { StatusBadge } from '../../components/StatusBadge';
import { useBlindRekey } from '../../hooks/useBlindRekey';
import { useHoldSideReads } from '../../hooks/useHoldSideReads';
import { checkSsid } from '../../../shared/ssid';
import { rekeyIssue } from '../../../shared/validate';
import type { DraftInput } from '../../db/applications';
import { DEFAULT_FORM } from '../../../shared/application';
import { useFormInSteps } from './useFormInSteps';

/** Whether the re-key agrees with a first keying that reads as an SSID. */
function rekeyAgrees(draft: DraftInput | null): boolean {
  if (!draft) return false;
  const first = checkSsid(draft.fields.ssid).value;
  return first !== null && rekeyIssue(first, draft.ssidRekey) === null;
}

/** Typing one paper application: the form, its save state, and confirmation. */
export function EntryScreen({ target }: { target: EditorTarget }) {
  const editor = useApplicationEditor(target);
  const { schools, names } = useSchools();
  const { draft, batch, stored } = editor;
  const position = useBatchPosition(draft?.batchId ?? null, stored?.id ?? null);
  const blind = useBlindRekey(rekeyAgrees(draft));
  // The header's counts and the sheet number wait until the form is in the page (cold start, issue 14).
  useHoldSideReads(editor.phase !== 'loading');
  const drawn = useFormInSteps(DEFAULT_FORM, editor.phase === 'ready' && draft !== null);
  const onNext = () => void editor.saveAndNext();
  useCtrlEnter(onNext);

  if (editor.phase === 'missing') {
    return (
      <section class="screen" aria-labelledby="screen-title">
        <ScreenTitle>Not found</ScreenTitle>
        <p>{'recordId' in target ? 'This record is not on this tablet.' : 'This batch is not on this tablet.'}</p>
        <Link href={paths.records()} class="button">
          Go to records
        </Link>
      </section>
    );
  }
  if (editor.phase === 'loading' || !draft) {
    return (
      <section class="screen">
        <p class="muted">Loading…</p>
      </section>
    );
  }

  const title = batch && position !== null ? `Sheet ${position} of ${Math.max(batch.sheetCount, position)}` : 'Application';
  const alreadyConfirmed = stored !== null && !editor.dirty && !editor.canConfirmNow && stored.confirmedAt !== null;
  // Confirm disables itself: the keyboard moves on to the next sheet's button instead of falling to the page.
  const onConfirm = async () => {
    if (await editor.confirm()) document.getElementById('next-button')?.focus();
  };

  return (
    <section class="screen screen-entry" aria-labelledby="screen-title">
      <div class="screen-head">
        <div>
          <ScreenTitle focus={false}>{title}</ScreenTitle>
          {batch && (
            <p class="subtitle">
              {names.get(batch.schoolId) ?? 'Unknown school'} · {batch.programYear}
            </p>
          )}
        </div>
        <div class="head-status">
          {stored && <StatusBadge status={editor.dirty ? (editor.validation.errors.length > 0 ? 'draft' : 'ready') : stored.status} />}
          <SaveStatus state={editor.saveState} hasRecord={stored !== null} onRetry={() => void editor.flush()} />
          {batch && (
            <Link href={paths.batch(batch.id)} class="button">
              Review batch
            </Link>
          )}
        </div>
      </div>
      {stored?.serverReason && (
        <p class="notice notice-error">
          The server refused this record: {stored.serverReason.message} Fix it and confirm again.
        </p>
      )}
      <SteadyApplicationForm
        draft={draft}
        validation={editor.validation}
        carried={editor.carried}
        schools={schools}
        revealAll={editor.reopened}
        left={editor.left}
        blind={blind}
        form={drawn.fields}
        afterLastId={editor.canConfirmNow ? 'confirm-button' : 'next-button'}
        onField={editor.setField}
        onRekey={editor.setRekey}
        onSsidChecked={editor.setSsidChecked}
        onLeave={editor.leaveField}
      />
      {/* Drawn with the rest of the form: until then Enter past the last field drawn finds no button and stays there. */}
      {drawn.whole && (
        <ConfirmPanel
          errors={editor.validation.errors}
          warningCount={editor.validation.warnings.filter((w) => w.code !== 'ssid_missing').length}
          canConfirm={editor.canConfirmNow}
          confirmedAt={alreadyConfirmed ? stored.confirmedAt : null}
          message={editor.confirmMessage}
          hasBatch={batch !== null}
          awaiting={editor.verifyBlock ? { reason: editor.verifyBlock, verifyHref: batch ? paths.verifyBatch(batch.id) : null } : null}
          onConfirm={() => void onConfirm()}
          onNext={onNext}
        />
      )}
    </section>
  );
}
