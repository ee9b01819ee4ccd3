/**
 * At most one run per interval, the first at once and the last never lost: a presenter's camera
 * goes out while they pan, and the view they stop on always arrives. The run takes no arguments:
 * it reads the latest state itself when it fires.
 */

export interface Timers {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

export interface Throttled {
  (): void;
  /** Drops a pending run (when the thing it would publish goes away). */
  cancel(): void;
}

export function throttle(run: () => void, intervalMs: number, timers: Timers = realTimers): Throttled {
  let lastRun = -Infinity;
  let pending: unknown = null;
  const fire = () => {
    pending = null;
    lastRun = timers.now();
    run();
  };
  const throttled = () => {
    if (pending !== null) return;
    const wait = lastRun + intervalMs - timers.now();
    if (wait <= 0) fire();
    else pending = timers.setTimeout(fire, wait);
  };
  throttled.cancel = () => {
    if (pending !== null) timers.clearTimeout(pending);
    pending = null;
  };
  return throttled;
}
