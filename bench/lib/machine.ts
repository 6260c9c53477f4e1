/** What the figures were measured on, written next to them in results.json. */
import os from 'node:os';

/** A description of this machine and the runtimes under test. */
export interface MachineInfo {
  os: string;
  cpus: string;
  cpuCount: number;
  memoryGiB: number;
  node: string;
  chromium: string | null;
  /** 1-minute load average when the run started: other work on the machine slows every timing. */
  loadAverage: number;
}

/** Describes this machine; `chromium` is the version the browser reported, if it was launched. */
export function describeMachine(chromium: string | null): MachineInfo {
  const cpus = os.cpus();
  return {
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: cpus[0]?.model.trim() ?? 'unknown',
    cpuCount: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    chromium,
    loadAverage: Number(os.loadavg()[0]?.toFixed(2)),
  };
}
