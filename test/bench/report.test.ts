import { describe, expect, it } from 'vitest';
import { figure, judge, renderTable } from '../../bench/lib/report';

describe('judging a benchmark figure', () => {
  it.each([
    ['a time at the budget is met', { ours: 60, goal: { on: 'ours', atMost: 60 } }, true],
    ['a time over the budget is missed', { ours: 60.1, goal: { on: 'ours', atMost: 60 } }, false],
    ['a rate at least the target is met', { ours: 5000, goal: { on: 'ours', atLeast: 5000 } }, true],
    ['a rate below the target is missed', { ours: 4999, goal: { on: 'ours', atLeast: 5000 } }, false],
  ] as const)('%s', (_name, f, met) => {
    expect(judge(figure({ label: 'x', unit: 'ms', better: 'lower', ...f })).met).toBe(met);
  });

  it('counts how many times faster we are than the peer when lower is better', () => {
    const judged = judge(figure({ label: 'sync', unit: 's', better: 'lower', ours: 2, peer: 21, goal: { on: 'ratio', atLeast: 10 } }));
    expect(judged.ratio).toBeCloseTo(10.5);
    expect(judged.met).toBe(true);
  });

  it('counts how many times more we do than the peer when higher is better', () => {
    expect(judge(figure({ label: 'ingest', unit: 'rec/s', better: 'higher', ours: 900, peer: 300 })).ratio).toBeCloseTo(3);
  });

  it('never judges a figure that was not measured', () => {
    const judged = judge(figure({ label: 'sync', unit: 's', better: 'lower', ours: null, peer: 21, goal: { on: 'ratio', atLeast: 10 } }));
    expect(judged.ratio).toBeNull();
    expect(judged.met).toBeNull();
  });

  it('prints an unmeasured figure as "not measured" with its reason as a note', () => {
    const table = renderTable([judge(figure({ label: 'ingest', unit: 'rec/s', better: 'higher', ours: null, note: 'DATABASE_URL is not set.' }))]);
    expect(table).toContain('ingest [1] | not measured');
    expect(table).toContain('[1] DATABASE_URL is not set.');
  });
});
