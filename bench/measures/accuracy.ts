/**
 * Accuracy: 100,000 simulated paper applications keyed under the seeded error
 * model of bench/lib/keyer-model.ts and checked by the app's own rules, per
 * mode: wrong SSIDs per 10,000 accepted records, and the work each mode costs.
 * The model's single-keying error rate per field is printed beside the
 * literature's, so the model can be seen not to be rigged.
 */
import { makeRecords } from '../lib/fixtures';
import { MODES, simulate, wrongPer10k, type Mode, type ModeResult } from '../lib/accuracy-sim';
import { DEFAULT_MODEL } from '../lib/keyer-model';
import { figure, type Figure } from '../lib/report';
import type { Section } from '../lib/section';

const SHEETS = 100_000;
const SEED = 20251201;
/** Garza et al. 2023, meta-analysis of 93 studies: single data entry 29 errors per 10,000 fields (double entry 14). */
const LITERATURE_SINGLE = 29;
const STRONGEST_TARGET = 0.5;

const LABELS: Record<Mode, string> = {
  single: 'Wrong SSIDs accepted per 10,000: single keying',
  rekey: 'same: single keying with the blind re-key (today)',
  second_keyer: 'same: with a second keyer, settled from the paper',
  second_keyer_and_school: 'same: second keyer and a school return',
  returning_check: 'same: and a returning student’s paper held against the center’s SSID',
};

const per10k = (n: number, r: ModeResult) => ((n / Math.max(1, r.accepted)) * 10_000).toFixed(1);

function modeNote(r: ModeResult): string {
  const school = r.mode === 'second_keyer_and_school' || r.mode === 'returning_check'
    ? `; ${per10k(r.wrongUncovered, r)} on sheets no school return covered`
    : '';
  const held = r.mode === 'returning_check' ? `, ${r.heldBack} of them held back as not the center’s SSID` : '';
  return `${per10k(r.wrongKeyed, r)} of them from keying (or the school's record), the rest wrong on the paper${school}; `
    + `${(r.keys / r.sheets).toFixed(1)} SSID keys per sheet; `
    + `${((r.thirdKeyings / r.sheets) * 100).toFixed(2)}% of sheets keyed a third time, ${r.secondLooks} sent to a second look; ${r.blank} left blank${held}`;
}

function rows(result: ReturnType<typeof simulate> | null, reason: string | null): Figure[] {
  const keyingRate = result ? (result.keying.wrong / result.keying.fields) * 10_000 : null;
  return [
    figure({
      label: 'Model check: one keying differs from the paper, per 10,000 SSID fields', unit: 'per 10k', better: 'lower', ours: keyingRate,
      note: reason ?? `literature: ${LITERATURE_SINGLE} per 10,000 fields for single entry (pooled, range 4 to 650)`,
    }),
    ...MODES.map((mode) => {
      const r = result?.modes.find((m) => m.mode === mode);
      return figure({
        label: LABELS[mode], unit: 'per 10k', better: 'lower', ours: r ? wrongPer10k(r) : null,
        goal: mode === 'returning_check' ? { on: 'ours', atMost: STRONGEST_TARGET } : null,
        note: r ? modeNote(r) : reason,
      });
    }),
  ];
}

/** The accuracy benchmark: pure computation, no browser or server. */
export const accuracySection: Section = {
  id: 'accuracy',
  name: 'SSID accuracy (simulated keying)',
  async run() {
    const base = makeRecords({ count: 1, schoolIds: ['school'] })[0]?.fields;
    if (!base) throw new Error('no base record');
    return rows(simulate(SHEETS, SEED, DEFAULT_MODEL, base), null);
  },
  notMeasured: (reason) => rows(null, reason),
};
