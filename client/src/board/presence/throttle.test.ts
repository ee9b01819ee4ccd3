import { describe, expect, it } from 'vitest';
import { throttle, type Timers } from './throttle.ts';

/** A clock that moves only when told, with the timeouts it owes. */
function manualTimers(): Timers & { advance(ms: number): void } {
  let now = 1000;
  let nextHandle = 0;
  const due = new Map<number, { at: number; run: () => void }>();
  return {
    now: () => now,
    setTimeout(run, ms) {
      due.set(++nextHandle, { at: now + ms, run });
      return nextHandle;
    },
    clearTimeout(handle) {
      due.delete(handle as number);
    },
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const [handle, first] = [...due].sort(([, a], [, b]) => a.at - b.at)[0] ?? [];
        if (handle === undefined || !first || first.at > until) break;
        due.delete(handle);
        now = first.at;
        first.run();
      }
      now = until;
    },
  };
}

describe('throttle', () => {
  it('runs at once, then at most once per interval, and always runs after the last call', () => {
    const timers = manualTimers();
    const runs: number[] = [];
    const throttled = throttle(() => runs.push(timers.now()), 100, timers);
    throttled();
    expect(runs).toEqual([1000]);
    for (let i = 0; i < 30; i++) {
      timers.advance(10);
      throttled();
    }
    timers.advance(1000);
    expect(runs).toEqual([1000, 1100, 1200, 1300, 1400]);
    const gaps = runs.slice(1).map((at, index) => at - (runs[index] as number));
    expect(gaps.every((gap) => gap >= 100)).toBe(true);
  });

  it('runs at once again after a quiet interval', () => {
    const timers = manualTimers();
    let runs = 0;
    const throttled = throttle(() => runs++, 100, timers);
    throttled();
    timers.advance(150);
    throttled();
    expect(runs).toBe(2);
  });

  it('drops the pending run when cancelled', () => {
    const timers = manualTimers();
    let runs = 0;
    const throttled = throttle(() => runs++, 100, timers);
    throttled();
    throttled();
    throttled.cancel();
    timers.advance(500);
    expect(runs).toBe(1);
  });
});
