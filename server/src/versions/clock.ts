/**
 * Time as the version recorder sees it, injected so that its tests can let ten minutes pass at
 * once (`manual-clock.ts`) instead of waiting or faking the process's timers.
 */
export interface Timer {
  cancel(): void;
}

export interface Clock {
  now(): number;
  /** Calls `callback` once after `ms`, unless cancelled first. */
  schedule(callback: () => void, ms: number): Timer;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  schedule(callback, ms) {
    const timeout = setTimeout(callback, ms);
    // A pending version never keeps the process alive: stopping the server records it anyway.
    timeout.unref();
    return { cancel: () => clearTimeout(timeout) };
  },
};
