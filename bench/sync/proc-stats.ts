/**
 * Reads a process's CPU time and memory from /proc, from outside the process, so that the same
 * numbers are taken the same way for every server (ours, the peers, the bare loop) whatever their
 * code does.
 */
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

/** Clock ticks per second for utime/stime (almost always 100; read once rather than assumed). */
const CLOCK_TICKS = (() => {
  try {
    const value = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isFinite(value) && value > 0 ? value : 100;
  } catch {
    return 100;
  }
})();

export interface ProcSnapshot {
  /** performance.now() of the reading process when taken. */
  at: number;
  /** utime + stime, in milliseconds. */
  cpuMs: number;
  rssBytes: number;
  /** Peak RSS since the process started (VmHWM). */
  hwmBytes: number;
}

export function readProc(pid: number): ProcSnapshot | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses: split after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the name, field 3 (state) is index 0, so utime (field 14) is 11 and stime (15) is 12.
    const ticks = Number(fields[11]) + Number(fields[12]);
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return {
      at: performance.now(),
      cpuMs: (ticks * 1000) / CLOCK_TICKS,
      rssBytes: kilobytes(status, 'VmRSS') * 1024,
      hwmBytes: kilobytes(status, 'VmHWM') * 1024,
    };
  } catch {
    return null; // the process is gone
  }
}

/**
 * CPU time spent by the whole machine (all cores, all processes) since boot, in milliseconds: with
 * the server's and the load generator's own CPU subtracted, what the rest of the machine (other
 * people's builds and tests) took during a measurement, so that a noisy run can be told apart.
 */
export function readMachineBusyMs(): number | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
    const ticks = line.trim().split(/\s+/).slice(1).map((value) => Number(value) || 0);
    // Fields: user nice system idle iowait irq softirq steal. Interrupt time is left out: on
    // loopback much of it is our own traffic, which no process is charged for. Steal (another
    // virtual machine using our core) is noise like any other process.
    const [user = 0, nice = 0, system = 0, , , , , steal = 0] = ticks;
    return ((user + nice + system + steal) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

function kilobytes(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match?.[1] ? Number(match[1]) : 0;
}

/**
 * Samples RSS every `intervalMs` so that a peak between two marks is seen even when VmHWM (a
 * whole-life peak) was set earlier, e.g. during connection setup.
 */
export class RssSampler {
  private timer: NodeJS.Timeout | null = null;
  private maxSinceTake = 0;

  constructor(
    private readonly pid: number,
    private readonly intervalMs = 100,
  ) {}

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
  }

  /** Highest RSS seen since the previous call (and resets it). */
  takeMax(): number {
    this.sample();
    const max = this.maxSinceTake;
    this.maxSinceTake = 0;
    return max;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private sample(): void {
    const snap = readProc(this.pid);
    if (snap && snap.rssBytes > this.maxSinceTake) this.maxSinceTake = snap.rssBytes;
  }
}
