/**
 * The entry form's state: loads a record (or starts a blank one for a batch),
 * saves every change as it is typed, checks it, and confirms it.
 * A new form is written to the store on its first keystroke, and the URL is then
 * rewritten to the record's own, so a reload reopens what was typed.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { paths } from '../../paths';
import { useServices } from '../../hooks/context';
import { useSsidHolder } from './useSsidHolder';
import { confirmApplications, getApplication, newDraft, saveDraft, type DraftInput } from '../../db/applications';
import { getBatch, sheetDefaults } from '../../db/batches';
import { carriedFields } from '../../../shared/carried';
import type { LocalApplication, LocalBatch } from '../../db/schema';
import { requestPersistenceOnce } from '../../db/storage';
import { describeSaveError } from '../../db/storageErrors';
import { createDraftSaver, type DraftSaver, type SaveState } from '../../services/draftSaver';
import { registerFlush } from '../../services/pendingSaves';
import { clearJournal, journalDraft } from '../../services/unloadJournal';
import { localIsoDate } from '../../model/today';
import type { FieldName } from '../../../shared/application';
import { canConfirm } from '../../../shared/lifecycle';
import type { Validation } from '../../../shared/validate';
import { validateRecord } from '../../model/recordValidation';

/** Which record to edit: an existing one, or a new one in a batch. */
export type EditorTarget = { recordId: string } | { batchId: string };

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
  confirmMessage: string | null;
  setField: (name: FieldName, value: string | string[]) => void;
  setRekey: (value: string) => void;
  setSsidChecked: (checked: boolean) => void;
  flush: () => Promise<boolean>;
  /** Confirms the record; true when it was. */
  confirm: () => Promise<boolean>;
  saveAndNext: () => Promise<void>;
}

const NO_ISSUES: Validation = { errors: [], warnings: [] };
const NONE: ReadonlySet<FieldName> = new Set();

/** Fields whose change makes the birth-date-for-grade tick ("The paper shows this") start over. */
const DATE_LOOK_RESETS: ReadonlySet<FieldName> = new Set(['dateOfBirth', 'grade', 'programYear']);

function differs(draft: DraftInput, stored: LocalApplication | null): boolean {
  if (!stored) return true;
  return draft.ssidRekey !== stored.ssidRekey || Boolean(draft.ssidChecked) !== Boolean(stored.ssidChecked) || JSON.stringify(draft.fields) !== JSON.stringify(stored.fields);
}

/** The editor for one form; see the module comment for when things are written. */
export function useApplicationEditor(target: EditorTarget): ApplicationEditor {
  const { store, router } = useServices();
  const [phase, setPhase] = useState<ApplicationEditor['phase']>('loading');
  const [draft, setDraft] = useState<DraftInput | null>(null);
  const [batch, setBatch] = useState<LocalBatch | null>(null);
  const [stored, setStored] = useState<LocalApplication | null>(null);
  const [reopened, setReopened] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [confirmMessage, setConfirmMessage] = useState<string | null>(null);
  const draftRef = useRef<DraftInput | null>(null);
  const saverRef = useRef<DraftSaver<DraftInput> | null>(null);

  const recordId = 'recordId' in target ? target.recordId : null;
  const batchId = 'batchId' in target ? target.batchId : null;

  useEffect(() => {
    // After the first save the URL becomes this record's: nothing to load.
    if (recordId !== null && draftRef.current?.id === recordId) return;
    let current = true;
    const load = async () => {
      if (recordId !== null) {
        const record = await getApplication(store.db, recordId);
        if (!record) return { missing: true as const };
        const owner = record.batchId ? ((await getBatch(store.db, record.batchId)) ?? null) : null;
        const { id, studentId, createdAt, fields, ssidRekey, ssidChecked } = record;
        return { draft: { id, studentId, batchId: record.batchId, createdAt, fields, ssidRekey, ssidChecked }, batch: owner, stored: record };
      }
      const owner = batchId ? await getBatch(store.db, batchId) : undefined;
      if (!owner) return { missing: true as const };
      return { draft: newDraft(owner), batch: owner, stored: null };
    };
    load()
      .then((loaded) => {
        if (!current) return;
        if ('missing' in loaded) {
          setPhase('missing');
          return;
        }
        draftRef.current = loaded.draft;
        setDraft(loaded.draft);
        setBatch(loaded.batch);
        setStored(loaded.stored);
        setReopened(loaded.stored !== null);
        setPhase('ready');
      })
      .catch((error: unknown) => {
        if (current) setSaveState({ kind: 'error', message: describeSaveError(error) });
      });
    return () => {
      current = false;
    };
  }, [store, recordId, batchId]);

  useEffect(() => {
    let firstSave = true;
    const saver = createDraftSaver<DraftInput>({
      save: async (value) => {
        const record = await saveDraft(store.db, value);
        setStored(record);
        if (firstSave) {
          firstSave = false;
          if (router.current().path !== paths.record(record.id)) router.navigate(paths.record(record.id), { replace: true });
          requestPersistenceOnce(store.db).catch((error: unknown) => {
            console.warn('Persistent storage request failed', error instanceof Error ? error.name : typeof error);
          });
        }
      },
      onState: setSaveState,
      describeError: describeSaveError,
    });
    saverRef.current = saver;
    const flushQuietly = () => {
      void saver.flush();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flushQuietly();
    };
    const onPageHide = () => {
      const unsaved = saver.pendingValue();
      try {
        // Not journaled only in the moment after an unlock, before the keystream is made; the flush below still runs.
        if (unsaved && !journalDraft(sessionStorage, unsaved, store.journal)) console.warn('Unsaved-draft journal not sealed: no keystream yet');
      } catch (error) {
        console.warn('Unsaved-draft journal not written', error instanceof Error ? error.name : typeof error);
      }
      flushQuietly();
    };
    const onPageShow = (event: PageTransitionEvent) => {
      // Back from the back/forward cache: this form is alive and saves itself again.
      if (event.persisted) clearJournal(sessionStorage);
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('pageshow', onPageShow);
    const unregister = registerFlush(saver.flush);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('pageshow', onPageShow);
      unregister();
      flushQuietly();
      saver.dispose();
    };
  }, [store, router]);

  const update = useCallback((change: (d: DraftInput) => DraftInput) => {
    const base = draftRef.current;
    if (!base) return;
    const next = change(base);
    draftRef.current = next;
    setDraft(next);
    setConfirmMessage(null);
    saverRef.current?.schedule(next);
  }, []);

  const setField = useCallback(
    // A new SSID, birth date or grade needs its own look at the paper: the old tick does not carry over.
    (name: FieldName, value: string | string[]) =>
      update((d) => ({
        ...d,
        fields: { ...d.fields, [name]: value, ...(DATE_LOOK_RESETS.has(name) ? { dateOfBirthChecked: '' } : {}) },
        ssidChecked: name === 'ssid' ? false : d.ssidChecked,
      })),
    [update],
  );
  const setRekey = useCallback((value: string) => update((d) => ({ ...d, ssidRekey: value })), [update]);
  const setSsidChecked = useCallback((checked: boolean) => update((d) => ({ ...d, ssidChecked: checked })), [update]);
  const flush = useCallback(() => saverRef.current?.flush() ?? Promise.resolve(true), []);

  const ssidHolder = useSsidHolder(draft?.fields.ssid ?? '', draft?.id ?? '', stored?.studentId ?? draft?.studentId ?? '', draft?.fields);
  const today = localIsoDate();
  const validation = useMemo(
    () => (draft ? validateRecord(draft, today, ssidHolder) : NO_ISSUES),
    [draft, ssidHolder, today],
  );
  const carried = useMemo(
    () => (draft && batch && !stored?.confirmedAt ? carriedFields(draft.fields, sheetDefaults(batch)) : NONE),
    [draft, batch, stored],
  );
  const dirty = draft !== null && differs(draft, stored);
  const canConfirmNow = draft !== null && validation.errors.length === 0 && (dirty || stored === null || canConfirm(stored.status, 0));

  const confirm = useCallback(async () => {
    const current = draftRef.current;
    if (!current || !(await flush())) return false;
    try {
      const result = await confirmApplications(store, [current.id]);
      const record = await getApplication(store.db, current.id);
      if (record) {
        draftRef.current = { ...current, fields: record.fields };
        setDraft(draftRef.current);
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

  return { phase, draft, batch, stored, reopened, validation, ssidHolder, carried, saveState, dirty, canConfirmNow, confirmMessage, setField, setRekey, setSsidChecked, flush, confirm, saveAndNext };
}
