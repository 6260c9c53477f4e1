/**
 * Loading a school's return: read the file's bytes (any Excel encoding), parse
 * in chunks with progress, match against the local roster, hold the advisor's
 * choices, and queue the accepted rows as SSID updates with source
 * `school_records` (the same outbox and sync as any edit).
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { useServices } from '../context';
import { queueSsidUpdates } from '../../db/ssidUpdates';
import { describeSaveError } from '../../db/storageErrors';
import { localIsoDate } from '../../model/today';
import { decodeSchoolFile } from '../../../shared/file-text';
import { indexRoster, matchSchoolReturn, type MatchSummary, type RosterIndex, type RowMatch } from '../../../shared/matching';
import { ssidUpdatesFrom, type RefusedRow } from '../../../shared/match-review';
import { rosterStudentFrom, schoolRoster } from '../../../shared/roster-students';
import { parseSchoolReturn, type SchoolReturn, type ReturnRow } from '../../../shared/school-return';
import type { Issue } from '../../../shared/ssid';
import { acceptAllExact, choose } from './returnReview';
import { readKnownStudents } from './rosterData';
import { hashSsids } from './useSsidHashes';

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
  | { phase: 'failed'; fileName: string; errors: Issue[] }
  | { phase: 'review'; review: ReturnReview }
  | { phase: 'applied'; fileName: string; queued: number; refused: RefusedRow[] };

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
  useEffect(() => () => reading.current?.abort(), []);

  const load = useCallback(
    async (file: File, schoolId: string) => {
      reading.current?.abort();
      const controller = new AbortController();
      reading.current = controller;
      setAccepted(new Map());
      setApplyError(null);
      const fileName = file.name;
      if (file.size > MAX_FILE_BYTES) {
        setState({ phase: 'failed', fileName, errors: [{ code: 'file_too_large', message: 'This file is larger than 20 MB: it is not a school’s return.' }] });
        return;
      }
      setState({ phase: 'reading', fileName, rowsDone: 0, rowsTotal: 0 });
      try {
        const { text } = decodeSchoolFile(await file.arrayBuffer());
        const parsed = await parseSchoolReturn(text, {
          today: localIsoDate(),
          signal: controller.signal,
          onProgress: ({ rowsDone, rowsTotal }) => setState({ phase: 'reading', fileName, rowsDone, rowsTotal }),
        });
        if (parsed.errors.length > 0 || parsed.rows.length === 0) {
          const errors = parsed.errors.length > 0 ? parsed.errors : [{ code: 'no_rows', message: 'The file has headers but no student rows.' }];
          setState({ phase: 'failed', fileName, errors });
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
        setState({ phase: 'review', review: { fileName, parsed, matches, summary, students } });
      } catch (error) {
        if (controller.signal.aborted) return;
        const message = error instanceof Error ? error.message : String(error);
        setState({ phase: 'failed', fileName, errors: [{ code: 'read_failed', message: `The file could not be read: ${message}` }] });
      }
    },
    [store],
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
    setState({ phase: 'idle' });
    setAccepted(new Map());
    setApplyError(null);
  }, []);

  return { state, accepted, applying, applyError, load, acceptExact, chooseRow, apply, reset };
}
