/**
 * Loss is never silent (issue 13 item 3). At each sync a tablet reports how many
 * records it holds that the server does not have. A tablet whose storage was
 * evicted, or whose app was reinstalled, comes back with a NEW device id (the id
 * lived in the store that was lost), so nothing can be keyed on the old id: the
 * rules below look at the signing-in user's other devices instead.
 *
 * 1. A report is open while its count is above 0 and nothing settled it: the
 *    device reporting again replaces it (0 when its records arrived); an
 *    administrator's dismissal after the report closes it; so does a backup of
 *    that device, made at or after the report, restored on another tablet
 *    whose records then all arrived (it reports 0 unsent with that backup named).
 *    A backup made before the report may lack the last records: it does not close it.
 * 2. When a user signs in on a tablet whose store is empty, each of their OTHER
 *    devices with an open report is named to them. Nobody can tell whether this
 *    tablet is that device with its storage cleared or a second tablet still
 *    holding the records, so the advisor is told both, never only the worse.
 * 3. For the center, a device's records "have not arrived" when its report is
 *    open and its user signed in on an empty tablet after the device was last in
 *    touch. A device id comes from its store, so a device heard from after that
 *    sign-in still has its store: its records are waiting on it, not lost.
 */
import { MONTH_NAMES } from './dates';

/** One device and user's report, as the server keeps it beside the mutation ledger. */
export interface DeviceReport {
  deviceId: string;
  userId: string;
  /** Records the device last said it held unsent; 0 before any report. */
  unsent: number;
  reportedAt: string | null;
  /** Last sign-in or push from this device id. */
  lastSeenAt: string;
  /** When the user last signed in on this device with an empty store. */
  emptySignInAt: string | null;
  /** When an administrator dismissed the report after looking for a backup. */
  dismissedAt: string | null;
  /** When a backup of this device, restored elsewhere, brought its records in. */
  recoveredAt: string | null;
}

/** ISO timestamps of one clock compare as text; null is "never". */
const atOrAfter = (a: string | null, b: string) => a !== null && a >= b;

/** Rule 1: the device last reported unsent records and nothing has settled them. */
export function isOpenReport(device: DeviceReport): boolean {
  if (device.unsent <= 0 || device.reportedAt === null) return false;
  return !atOrAfter(device.dismissedAt, device.reportedAt) && !atOrAfter(device.recoveredAt, device.reportedAt);
}

/** Rule 2: the signing-in user's other devices with an open report, latest report first. */
export function openReportsElsewhere(devices: readonly DeviceReport[], signingIn: { deviceId: string; userId: string }): DeviceReport[] {
  return devices
    .filter((d) => d.userId === signingIn.userId && d.deviceId !== signingIn.deviceId && isOpenReport(d))
    .sort((a, b) => (b.reportedAt ?? '').localeCompare(a.reportedAt ?? ''));
}

/** A device whose reported records have not arrived, and the empty sign-in that showed it. */
export interface NotArrived {
  device: DeviceReport;
  emptySignInAt: string;
}

/** Rule 3: the devices (of any user in `devices`) whose records have not arrived. */
export function notArrived(devices: readonly DeviceReport[]): NotArrived[] {
  return devices.flatMap((device) => {
    if (!isOpenReport(device)) return [];
    const emptySignIns = devices
      .filter((d) => d.userId === device.userId && d.deviceId !== device.deviceId && d.emptySignInAt !== null && d.emptySignInAt > device.lastSeenAt)
      .map((d) => d.emptySignInAt as string);
    const latest = emptySignIns.sort().at(-1);
    return latest === undefined ? [] : [{ device, emptySignInAt: latest }];
  });
}

/** A backup file's origin, as its envelope names it. */
export interface RestoredBackup {
  deviceId: string;
  madeAt: string;
}

/**
 * Rule 1, recovery: the rows a report from another tablet settles. Only when
 * that tablet holds nothing unsent (the backup's records all arrived), and only
 * reports the backup was made at or after.
 */
export function settledByRestore(devices: readonly DeviceReport[], reporter: { deviceId: string; unsent: number; restoredFrom: readonly RestoredBackup[] }): DeviceReport[] {
  if (reporter.unsent > 0) return [];
  return devices.filter((d) => d.deviceId !== reporter.deviceId && isOpenReport(d)
    && reporter.restoredFrom.some((b) => b.deviceId === d.deviceId && b.madeAt >= (d.reportedAt as string)));
}

/** "Nov 20" for a local YYYY-MM-DD, with the year when it is not `today`'s. */
export function shortDateInWords(iso: string, today: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  const words = `${MONTH_NAMES[(month ?? 1) - 1]!.slice(0, 3)} ${day}`;
  return iso.slice(0, 4) === today.slice(0, 4) ? words : `${words}, ${year}`;
}

/** "1 unsent record", "3 unsent records". */
export const unsentRecords = (n: number) => `${n} unsent record${n === 1 ? '' : 's'}`;
const they = (n: number) => (n === 1 ? 'it has' : 'they have');

/** The administrator's sentence for a device whose records have not arrived (dates as local YYYY-MM-DD). */
export function notArrivedSentence(unsent: number, reportedOn: string, today: string): string {
  return `This tablet last reported ${unsentRecords(unsent)} on ${shortDateInWords(reportedOn, today)}; ${they(unsent)} not arrived. Look for a backup file.`;
}

/**
 * The advisor's sentences on a tablet that signed in empty, for one of their
 * other devices with an open report: what is known, then both possibilities.
 */
export function elsewhereSentences(tablet: string, unsent: number, reportedOn: string, today: string): { warning: string; advice: string } {
  return {
    warning: `Your tablet “${tablet}” last reported ${unsentRecords(unsent)} on ${shortDateInWords(reportedOn, today)}; ${they(unsent)} not arrived.`,
    advice: `If that was this tablet, its storage was cleared: look for a backup file. If that tablet still works, ${unsent === 1 ? 'the record is' : 'the records are'} on it: open it and sync.`,
  };
}

/** How a device without a name is shown: the end of its id, as the Tablets screen lists it. */
export function tabletLabel(name: string, deviceId: string): string {
  return name || `Tablet …${deviceId.slice(-6)}`;
}
