/**
 * One benchmark figure, how it is judged against its target, and the table that
 * `npm run bench` prints. A figure that could not be measured keeps `ours: null`
 * and says why in its note: it is never filled with a made-up number.
 */

/** What a figure must reach: on our own value, or on how many times better than the peer we are. */
export type Goal =
  | { on: 'ours'; atMost: number }
  | { on: 'ours'; atLeast: number }
  | { on: 'ratio'; atLeast: number };

/** One row of the results table. */
export interface Figure {
  label: string;
  unit: string;
  /** Lower is better for times and sizes, higher for rates. */
  better: 'lower' | 'higher';
  ours: number | null;
  peer: number | null;
  peerName: string | null;
  goal: Goal | null;
  note: string | null;
}

/** A figure as written to results.json and printed: with its ratio and verdict worked out. */
export interface JudgedFigure extends Figure {
  /** How many times better than the peer (above 1 means we win). */
  ratio: number | null;
  target: string | null;
  met: boolean | null;
}

/** Makes a figure, defaulting everything optional to "not applicable". */
export function figure(f: Pick<Figure, 'label' | 'unit' | 'better' | 'ours'> & Partial<Figure>): Figure {
  return { peer: null, peerName: null, goal: null, note: null, ...f };
}

function ratioOf(f: Figure): number | null {
  if (f.ours === null || f.peer === null || f.ours === 0 || f.peer === 0) return null;
  return f.better === 'lower' ? f.peer / f.ours : f.ours / f.peer;
}

function targetText(goal: Goal, unit: string): string {
  if (goal.on === 'ratio') return `≥ ${goal.atLeast}× peer`;
  return 'atMost' in goal ? `≤ ${formatValue(goal.atMost, unit)}` : `≥ ${formatValue(goal.atLeast, unit)}`;
}

function isMet(goal: Goal, ours: number | null, ratio: number | null): boolean | null {
  if (goal.on === 'ratio') return ratio === null ? null : ratio >= goal.atLeast;
  if (ours === null) return null;
  return 'atMost' in goal ? ours <= goal.atMost : ours >= goal.atLeast;
}

/** Works out the ratio, the target's wording and whether it is met. */
export function judge(f: Figure): JudgedFigure {
  const ratio = ratioOf(f);
  return {
    ...f,
    ratio,
    target: f.goal ? targetText(f.goal, f.unit) : null,
    met: f.goal ? isMet(f.goal, f.ours, ratio) : null,
  };
}

/** A value with its unit, rounded the way a reader wants it. */
export function formatValue(value: number, unit: string): string {
  if (unit === 'rec/s' || unit === 'B') return `${Math.round(value).toLocaleString('en-US')} ${unit}`;
  if (unit === '×') return `${value.toFixed(2)}×`;
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`;
}

function cells(f: JudgedFigure, noteNumber: number | null): string[] {
  const mark = noteNumber === null ? '' : ` [${noteNumber}]`;
  return [
    f.label + mark,
    f.ours === null ? 'not measured' : formatValue(f.ours, f.unit),
    f.peer === null ? '' : `${formatValue(f.peer, f.unit)} (${f.peerName ?? 'peer'})`,
    f.ratio === null ? '' : `${f.ratio.toFixed(1)}×`,
    f.target ?? '',
    f.met === null ? (f.goal ? '?' : '') : f.met ? 'yes' : 'NO',
  ];
}

/** The results as a fixed-width text table, followed by the numbered notes. */
export function renderTable(figures: readonly JudgedFigure[]): string {
  const notes: string[] = [];
  const rows = figures.map((f) => {
    if (f.note) notes.push(f.note);
    return cells(f, f.note ? notes.length : null);
  });
  const header = ['figure', 'ours', 'peer', 'ratio', 'target', 'met?'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('-|-');
  const noteLines = notes.map((n, i) => `[${i + 1}] ${n}`);
  return [line(header), rule, ...rows.map(line), '', ...noteLines].join('\n');
}
