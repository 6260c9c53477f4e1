/**
 * The entry form's state: loads a record (or starts a blank one for a batch),
 * saves every change as it is typed, checks it, and confirms it.
 * A new form is written to the store on its first keystroke, and the URL is then
 * rewritten to the record's own, so a reload reopens what was typed.
 *
 * A key typed is on the screen before the form hears of it (the browser draws it
 * in the field), so the form's checks and messages for it are drawn in the gap
 * after that frame, not in front of it: the key's frame is the browser's own work
 * (keystroke latency at 4x CPU, issue 14). The same for a field left: the move is
 * drawn first, the field's messages after. The draft and the fields left live in
 * refs that every render reads, and are current at once (the save is scheduled
 * from them), so a render for any other reason in that gap draws the newest typing.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { paths } from '../../paths';
import { useServices } from '../../hooks/context';
import { useSsidHolder } from './useSsidHolder';
import { useDraftSaver } from './useDraftSaver';
import { loadEditorTarget, takeEditorTargetReadAhead, targetIds, type EditorTarget } from './loadEditorTarget';
import { confirmApplications, getApplication, type DraftInput } from '../../db/applications';
import { sheetDefaults } from '../../db/batches';
import { carriedFields } from '../../../shared/carried';
import type { LocalApplication, LocalBatch } from '../../db/schema';
import { describeSaveError } from '../../db/storageErrors';
import type { SaveState } from '../../services/draftSaver';
import { noteTyping } from '../../services/typingPause';
import { afterNextPaint, type Cancel } from '../../services/afterNextPaint';
import type { EntryField } from '../../model/fieldMessages';
import { useSaveStatus } from './useSaveStatus';
import { localIsoDate } from '../../model/today';
import type { FieldName } from '../../../shared/application';
import { canConfirm } from '../../../shared/lifecycle';
import type { Validation } from '../../../shared/validate';
import { validateRecord } from '../../model/recordValidation';
import { secondKeyingBlock } from '../../model/secondKeying';

/** Everything the entry screen renders and does. */
export interface ApplicationEditor {
  phase: 'loading' | 'ready' | 'missing';
  draft: DraftInput | null;
  batch: LocalBatch | null;
  stored: LocalApplication | null;
  /** The form was opened on a record already in the store (not started blank here). */
  reopened: boolean;
  validation: Validation;
  ssidHolder: string | null;
  /** Fields still holding the batch's value, until the advisor changes them or confirms the record. */
  carried: ReadonlySet<FieldName>;
  saveState: SaveState;
  /** True when the screen differs from what was last confirmed or saved. */
  dirty: boolean;
  canConfirmNow: boolean;
  /** Fields the advisor has left at least once: their messages show even when blank. */
  left: ReadonlySet<EntryField>;
  /** Why the sheet waits for a second keyer before it can be confirmed, or null. */
  verifyBlock: string | null;
  confirmMessage: string | null;
  setField: (name: FieldName, value: string | string[]) => void;
  setRekey: (value: string) => void;
  setSsidChecked: (checked: boolean) => void;
  flush: () => Promise<boolean>;
  /** A field was left (null when focus left from outside any field): its messages show, and what is pending is saved once the move is drawn. */
  leaveField: (field: EntryField | null) => void;
  /** Confirms the record; true when it was. */
  confirm: () => Promise<boolean>;
  saveAndNext: () => Promise<void>;
}

const NO_ISSUES: Validation = { errors: [], warnings: [] };
const NONE: ReadonlySet<FieldName> = new Set();
/** The longest a typed change waits to be drawn when no frame comes (a hidden page). */
const REDRAW_FALLBACK_MS = 100;

/** Fields whose change makes the birth-date-for-grade tick ("The paper shows this") start over. */
const DATE_LOOK_RESETS: ReadonlySet<FieldName> = new Set(['dateOfBirth', 'grade', 'programYear']);

function differs(draft: DraftInput, stored: LocalApplication | null): boolean {
  if (!stored) return true;
  return draft.ssidRekey !== stored.ssidRekey || Boolean(draft.ssidChecked) !== Boolean(stored.ssidChecked) || JSON.stringify(draft.fields) !== JSON.stringify(stored.fields);
}

/** The draft with one field changed. A new SSID, birth date or grade needs its own look at the paper: the old tick does not carry over. */
function withField(draft: DraftInput, name: FieldName, value: string | string[]): DraftInput {
  return {
    ...draft,
    fields: { ...draft.fields, [name]: value, ...(DATE_LOOK_RESETS.has(name) ? { dateOfBirthChecked: '' } : {}) },
    ssidChecked: name === 'ssid' ? false : draft.ssidChecked,
  };
}

/** What the form shows about the draft as it stands: its problems, the SSID's other holder, the carried fields, whether it may be confirmed. */
function useEditorChecks(draft: DraftInput | null, batch: LocalBatch | null, stored: LocalApplication | null, verifies: boolean) {
  const known = useSsidHolder(draft?.fields.ssid ?? '', draft?.id ?? '', stored?.studentId ?? draft?.studentId ?? '', draft?.fields);
  const ssidHolder = known.ssidTakenBy ?? null;
  const today = localIsoDate();
  const validation = useMemo(
    () => (draft ? validateRecord(draft, today, known) : NO_ISSUES),
    [draft, known, today],
  );
  // On whether the record was confirmed, not on the stored copy itself, which every autosave replaces.
  const confirmed = Boolean(stored?.confirmedAt);
  const carried = useMemo(
    () => (draft && batch && !confirmed ? carriedFields(draft.fields, sheetDefaults(batch)) : NONE),
    [draft, batch, confirmed],
  );
  const dirty = draft !== null && differs(draft, stored);
  const verifyBlock = secondKeyingBlock(stored, verifies);
  const canConfirmNow = draft !== null && validation.errors.length === 0 && verifyBlock === null && (dirty || stored === null || canConfirm(stored.status, 0));
  return { ssidHolder, validation, carried, dirty, canConfirmNow, verifyBlock };
}

/** The editor for one form; see the module comment for when things are written. */
export function useApplicationEditor(target: EditorTarget): ApplicationEditor {
  const { store, router } = useServices();
  const { recordId, batchId } = targetIds(target);
  // Read right after the unlock, when this is the screen the app opens on: the first render draws the form.
  const [readAhead] = useState(() => takeEditorTargetReadAhead(target));
  const opened = readAhead && !('missing' in readAhead) ? readAhead : null;
  const [phase, setPhase] = useState<ApplicationEditor['phase']>(readAhead ? (opened ? 'ready' : 'missing') : 'loading');
  // The newest draft and the fields left live in refs, which every render draws; this state only asks for a render.
  const [, setDraws] = useState(0);
  const drawNow = useCallback(() => setDraws((n) => n + 1), []);
  const redraw = useRef<Cancel | null>(null);
  const drawAfterFrame = useCallback(() => {
    // One render for every change until the frame (see the module comment).
    redraw.current ??= afterNextPaint(() => {
      redraw.current = null;
      drawNow();
    }, REDRAW_FALLBACK_MS);
  }, [drawNow]);
  const [batch, setBatch] = useState<LocalBatch | null>(opened?.batch ?? null);
  const [verifies, setVerifies] = useState(opened?.verifies ?? false);
  const [stored, setStored] = useState<LocalApplication | null>(opened?.stored ?? null);
  const [reopened, setReopened] = useState(Boolean(opened?.stored));
  const [saveState, reportSaveState] = useSaveStatus();
  const [confirmMessage, setConfirmMessage] = useState<string | null>(null);
  const leftRef = useRef<ReadonlySet<EntryField>>(new Set());
  const draftRef = useRef<DraftInput | null>(opened?.draft ?? null);
  const draft = draftRef.current;
  // The read made ahead stands for the first load.
  const loadedAhead = useRef(readAhead !== null);

  // Started as the screen mounts, not after its first paint (a plain effect's wait): the
  // read is on the way from the passphrase to a form that takes typing (cold start, issue 14).
  useLayoutEffect(() => {
    // After the first save the URL becomes this record's: nothing to load.
    if (recordId !== null && draftRef.current?.id === recordId) return;
    if (loadedAhead.current) {
      loadedAhead.current = false;
      return;
    }
    let current = true;
    loadEditorTarget(store.db, recordId, batchId)
      .then((loaded) => {
        if (!current) return;
        if ('missing' in loaded) {
          setPhase('missing');
          return;
        }
        draftRef.current = loaded.draft;
        drawNow();
        setBatch(loaded.batch);
        setVerifies(loaded.verifies);
        setStored(loaded.stored);
        setReopened(loaded.stored !== null);
        setPhase('ready');
      })
      .catch((error: unknown) => {
        if (current) reportSaveState({ kind: 'error', message: describeSaveError(error) });
      });
    return () => {
      current = false;
    };
  }, [store, recordId, batchId, reportSaveState]);

  useEffect(() => () => redraw.current?.(), []);

  const saverRef = useDraftSaver(store, router, setStored, reportSaveState);

  const update = useCallback((change: (d: DraftInput) => DraftInput) => {
    const base = draftRef.current;
    if (!base) return;
    const next = change(base);
    draftRef.current = next;
    drawAfterFrame();
    setConfirmMessage(null);
    // Before the save is scheduled: the header's counts stop re-reading before its write lands.
    noteTyping();
    saverRef.current?.schedule(next);
  }, [saverRef, drawAfterFrame]);

  const setField = useCallback((name: FieldName, value: string | string[]) => update((d) => withField(d, name, value)), [update]);
  const setRekey = useCallback((value: string) => update((d) => ({ ...d, ssidRekey: value })), [update]);
  const setSsidChecked = useCallback((checked: boolean) => update((d) => ({ ...d, ssidChecked: checked })), [update]);
  const flush = useCallback(() => saverRef.current?.flush() ?? Promise.resolve(true), [saverRef]);
  const leaveField = useCallback((field: EntryField | null) => {
    if (field && !leftRef.current.has(field)) {
      leftRef.current = new Set([...leftRef.current, field]);
      drawAfterFrame();
    }
    saverRef.current?.flushSoon();
  }, [saverRef, drawAfterFrame]);

  const checks = useEditorChecks(draft, batch, stored, verifies);

  const confirm = useCallback(async () => {
    const current = draftRef.current;
    if (!current || !(await flush())) return false;
    try {
      const result = await confirmApplications(store, [current.id]);
      const record = await getApplication(store.db, current.id);
      if (record) {
        draftRef.current = { ...current, fields: record.fields };
        drawNow();
        setStored(record);
      }
      const confirmed = result.confirmed.length === 1;
      setConfirmMessage(confirmed ? 'Confirmed. It will be sent when the tablet is online.' : (result.skipped[0]?.reason ?? 'Not confirmed.'));
      return confirmed;
    } catch (error) {
      setConfirmMessage(describeSaveError(error));
      return false;
    }
  }, [store, flush]);

  const saveAndNext = useCallback(async () => {
    const current = draftRef.current;
    if (!current || !(await flush())) return;
    if (!current.batchId) {
      router.navigate(paths.records());
      return;
    }
    // The next sheet starts from the batch's defaults, not from this one (design section 5).
    router.navigate(paths.newRecord(current.batchId));
  }, [router, flush]);

  return { phase, draft, batch, stored, reopened, ...checks, left: leftRef.current, saveState, confirmMessage, setField, setRekey, setSsidChecked, flush, leaveField, confirm, saveAndNext };
}
