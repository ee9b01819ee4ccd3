/** A clock for tests: time moves only when `advance` is called, and due timers fire then, in order. */
import type { Clock } from './clock.ts';

export interface ManualClock extends Clock {
  advance(ms: number): void;
  /** Timers scheduled and neither fired nor cancelled. */
  readonly pending: number;
}

export function manualClock(start = Date.UTC(2026, 8, 15, 9, 0, 0)): ManualClock {
  let now = start;
  let timers: { at: number; callback: () => void }[] = [];
  return {
    now: () => now,
    schedule(callback, ms) {
      const timer = { at: now + ms, callback };
      timers.push(timer);
      return { cancel: () => (timers = timers.filter((other) => other !== timer)) };
    },
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = timers.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0];
        if (due === undefined) break;
        timers = timers.filter((timer) => timer !== due);
        now = due.at;
        due.callback();
      }
      now = until;
    },
    get pending() {
      return timers.length;
    },
  };
}
