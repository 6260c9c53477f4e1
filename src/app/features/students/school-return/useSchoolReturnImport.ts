/**
 * Loading a school's return: read the file's bytes (a delimited file in any
 * Excel encoding, or an .xlsx workbook and the sheet the advisor picks), parse
 * in chunks with progress, match against the local roster, hold the advisor's
 * choices, and queue the accepted rows as SSID updates with source
 * `school_records` (the same outbox and sync as any edit).
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { useServices } from '../../../hooks/context';
import { queueSsidUpdates } from '../../../db/ssidUpdates';
import { describeSaveError } from '../../../db/storageErrors';
import { localIsoDate } from '../../../model/today';
import { decodeSchoolFile, isZipArchive } from '../../../../shared/file-text';
import { indexRoster, matchSchoolReturn, type MatchSummary, type RosterIndex, type RowMatch } from '../../../../shared/matching';
import { ssidUpdatesFrom, type RefusedRow } from '../../../../shared/match-review';
import { rosterStudentFrom, schoolRoster } from '../../../../shared/roster-students';
import { parseSchoolReturn, parseSchoolSheet, type ParseOptions, type ReturnRow, type SchoolReturn } from '../../../../shared/school-return';
import { sheetRowsSchema, type SheetCell } from '../../../../shared/sheet-cells';
import type { Issue } from '../../../../shared/ssid';
import { acceptAllExact, choose } from './returnReview';
import { readKnownStudents } from '../rosterData';
import { hashSsids } from '../useSsidHashes';

/** Larger files are refused before reading: a district's 5,000 rows is well under 1 MB. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** A rostered student as the review names them. */
export interface CandidateStudent {
  studentId: string;
  name: string;
  dateOfBirth: string;
  schoolId: string;
}

/** The matched file, ready for review. */
export interface ReturnReview {
  fileName: string;
  parsed: SchoolReturn;
  matches: RowMatch<ReturnRow>[];
  summary: MatchSummary;
  students: ReadonlyMap<string, CandidateStudent>;
}

/** Where the import is. */
export type ImportState =
  | { phase: 'idle' }
  | { phase: 'reading'; fileName: string; rowsDone: number; rowsTotal: number }
  | { phase: 'failed'; fileName: string; errors: Issue[]; sheets: SheetChoice | null }
  | { phase: 'review'; review: ReturnReview; sheets: SheetChoice | null }
  | { phase: 'applied'; fileName: string; queued: number; refused: RefusedRow[] };

/** One sheet of a workbook, its cells checked. */
interface WorkbookSheet {
  name: string;
  rows: SheetCell[][];
}

/** A workbook's sheets by name, and the one being read (null for a delimited file). */
export interface SheetChoice {
  names: string[];
  chosen: number;
}

const sheetChoice = (sheets: WorkbookSheet[], chosen: number): SheetChoice => ({ names: sheets.map((s) => s.name), chosen });

/** Reads the chosen file or sheet into a return. */
type Reader = (options: ParseOptions) => Promise<SchoolReturn>;

/** The workbook last loaded, kept so the advisor can choose another of its sheets. */
interface LoadedWorkbook {
  fileName: string;
  schoolId: string;
  sheets: WorkbookSheet[];
}

function readFailure(error: unknown): Issue {
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'read_failed', message: `The file could not be read: ${message}` };
}

/** Everything matching needs beside the rows, kept for applying. */
interface Matching {
  index: RosterIndex;
  hashes: ReadonlyMap<string, string>;
  /** The last four digits of the SSID the server holds for each student that has one. */
  serverLast4: ReadonlyMap<string, string>;
}

/** The import's state and actions. */
export function useSchoolReturnImport() {
  const { store } = useServices();
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const [accepted, setAccepted] = useState<ReadonlyMap<number, string>>(new Map());
  const [applying, setApplying] = useState(false);
  const [applyError, setApplyError] = useState<string | null>(null);
  const matching = useRef<Matching | null>(null);
  const reading = useRef<AbortController | null>(null);
  const workbook = useRef<LoadedWorkbook | null>(null);
  useEffect(() => () => reading.current?.abort(), []);

  /** Parses (a file, or a workbook's sheet), matches against the roster, and opens the review. */
  const readAndMatch = useCallback(
    async (fileName: string, schoolId: string, read: Reader, sheets: SheetChoice | null) => {
      reading.current?.abort();
      const controller = new AbortController();
      reading.current = controller;
      setAccepted(new Map());
      setApplyError(null);
      setState({ phase: 'reading', fileName, rowsDone: 0, rowsTotal: 0 });
      try {
        const parsed = await read({
          today: localIsoDate(),
          signal: controller.signal,
          onProgress: ({ rowsDone, rowsTotal }) => setState({ phase: 'reading', fileName, rowsDone, rowsTotal }),
        });
        if (parsed.errors.length > 0 || parsed.rows.length === 0) {
          const errors = parsed.errors.length > 0 ? parsed.errors : [{ code: 'no_rows', message: 'The file has headers but no student rows.' }];
          setState({ phase: 'failed', fileName, errors, sheets });
          return;
        }
        const known = await readKnownStudents(store.db);
        const local = new Map(known.map((k) => [k.entry.studentId, k.local]));
        const entries = known.map((k) => k.entry);
        const roster = (schoolId === '' ? entries : schoolRoster(entries, schoolId)).map((e) => rosterStudentFrom(e, local.get(e.studentId)));
        const index = indexRoster(roster);
        const hashes = await hashSsids(store.db, parsed.rows.flatMap((r) => (r.ssid.value ? [r.ssid.value] : [])));
        controller.signal.throwIfAborted();
        const { matches, summary } = matchSchoolReturn(parsed.rows, index, { ssidHashes: hashes });
        const serverLast4 = new Map(entries.flatMap((e) => (e.ssidLast4 ? [[e.studentId, e.ssidLast4] as const] : [])));
        matching.current = { index, hashes, serverLast4 };
        const schoolOf = new Map(entries.map((e) => [e.studentId, e.schoolId]));
        const students = new Map(
          roster.map((s) => [
            s.studentId,
            { studentId: s.studentId, name: `${s.firstName} ${s.lastName}`, dateOfBirth: s.dateOfBirth, schoolId: schoolOf.get(s.studentId) ?? '' },
          ]),
        );
        setState({ phase: 'review', review: { fileName, parsed, matches, summary, students }, sheets });
      } catch (error) {
        if (controller.signal.aborted) return;
        setState({ phase: 'failed', fileName, errors: [readFailure(error)], sheets });
      }
    },
    [store],
  );

  const load = useCallback(
    async (file: File, schoolId: string) => {
      const fileName = file.name;
      workbook.current = null;
      if (file.size > MAX_FILE_BYTES) {
        reading.current?.abort();
        setState({ phase: 'failed', fileName, errors: [{ code: 'file_too_large', message: 'This file is larger than 20 MB: it is not a school’s return.' }], sheets: null });
        return;
      }
      setState({ phase: 'reading', fileName, rowsDone: 0, rowsTotal: 0 });
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (!isZipArchive(bytes)) {
        const { text } = decodeSchoolFile(bytes);
        await readAndMatch(fileName, schoolId, (options) => parseSchoolReturn(text, options), null);
        return;
      }
      let sheets: WorkbookSheet[];
      try {
        // Its own chunk, with the reader: fetched only when a spreadsheet is chosen.
        const { readWorkbook } = await import('../../../services/workbook');
        sheets = (await readWorkbook(bytes)).map(({ name, rows }) => ({ name, rows: sheetRowsSchema.parse(rows) }));
      } catch (error) {
        setState({ phase: 'failed', fileName, errors: [readFailure(error)], sheets: null });
        return;
      }
      workbook.current = { fileName, schoolId, sheets };
      const [first] = sheets;
      if (!first) {
        setState({ phase: 'failed', fileName, errors: [{ code: 'no_rows', message: 'The workbook has no sheets.' }], sheets: null });
        return;
      }
      await readAndMatch(fileName, schoolId, (options) => parseSchoolSheet(first.rows, options), sheetChoice(sheets, 0));
    },
    [readAndMatch],
  );

  /** Reads another sheet of the workbook last loaded, through the same matching and review. */
  const chooseSheet = useCallback(
    async (index: number) => {
      const book = workbook.current;
      const sheet = book?.sheets[index];
      if (!book || !sheet) return;
      await readAndMatch(book.fileName, book.schoolId, (options) => parseSchoolSheet(sheet.rows, options), sheetChoice(book.sheets, index));
    },
    [readAndMatch],
  );

  const review = state.phase === 'review' ? state.review : null;

  const acceptExact = useCallback(() => {
    if (review) setAccepted((current) => acceptAllExact(review.matches, current));
  }, [review]);

  const chooseRow = useCallback((line: number, studentId: string | null) => {
    setAccepted((current) => choose(current, line, studentId));
  }, []);

  const apply = useCallback(async () => {
    if (!review || !matching.current) return;
    const { index, hashes, serverLast4 } = matching.current;
    const { updates, refused } = ssidUpdatesFrom(review.matches, accepted, index, hashes);
    // An accepted update for a student who has an SSID is the advisor's decision that
    // the school's number replaces it (same-as-current rows never get this far).
    const requests = updates.map(({ studentId, ssid, source }) => {
      const replaces = serverLast4.get(studentId);
      return replaces === undefined ? { studentId, ssid, source } : { studentId, ssid, source, replaces };
    });
    setApplying(true);
    setApplyError(null);
    try {
      const { queued } = await queueSsidUpdates(store, requests);
      setState({ phase: 'applied', fileName: review.fileName, queued, refused });
      setAccepted(new Map());
    } catch (error) {
      setApplyError(describeSaveError(error));
    } finally {
      setApplying(false);
    }
  }, [store, review, accepted]);

  const reset = useCallback(() => {
    reading.current?.abort();
    workbook.current = null;
    setState({ phase: 'idle' });
    setAccepted(new Map());
    setApplyError(null);
  }, []);

  return { state, accepted, applying, applyError, load, chooseSheet, acceptExact, chooseRow, apply, reset };
}
