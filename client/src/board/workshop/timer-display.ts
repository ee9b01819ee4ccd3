/**
 * What the shared timer shows and says, from the timer stored in the board (workshop.ts). Each
 * client counts down on its own clock from the shared `endsAt`; `timerRemaining` caps the result
 * at the duration, so a client whose clock is behind never shows more time than was set.
 */
import { MAX_TIMER_MS, timerRemaining, type TimerState } from '@eprouvette/shared';

export type TimerPhase = 'idle' | 'running' | 'paused' | 'ended';

/** The durations offered in the picker, in minutes. */
export const TIMER_PRESETS_MINUTES: readonly number[] = [1, 3, 5, 10, 15];

const SECOND = 1000;
const MINUTE = 60 * SECOND;
/** When « plus qu'une minute » is announced. */
const LAST_MINUTE_MS = MINUTE;

/** A running timer that reached zero stays "running" in the document until someone resets it. */
export function timerPhase(state: TimerState, now: number): TimerPhase {
  if (state.status === 'running') return timerRemaining(state, now) === 0 ? 'ended' : 'running';
  return state.status;
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

/**
 * mm:ss, or h:mm:ss from an hour on. Rounded up, so the last second reads 00:01 and 00:00 only
 * shows once the time is really over.
 */
export function formatClock(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / SECOND);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return hours > 0 ? `${hours}:${twoDigits(minutes)}:${twoDigits(seconds)}` : `${twoDigits(minutes)}:${twoDigits(seconds)}`;
}

const MINUTES_PATTERN = /^(\d{1,4})(?:[.,](\d{1,2}))?$/;
const MINUTES_SECONDS_PATTERN = /^(\d{1,4}):([0-5]\d)$/;

/**
 * A custom duration typed by the facilitator: minutes (« 7 », « 7,5 » with a French decimal comma)
 * or minutes and seconds (« 7:30 »). Null when it is not a duration the timer accepts.
 */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim();
  const clock = MINUTES_SECONDS_PATTERN.exec(trimmed);
  const minutes = MINUTES_PATTERN.exec(trimmed);
  let ms: number | null = null;
  if (clock) ms = Number(clock[1]) * MINUTE + Number(clock[2]) * SECOND;
  else if (minutes) ms = Math.round(Number(`${minutes[1]}.${minutes[2] ?? '0'}`) * 60) * SECOND;
  return ms !== null && ms >= SECOND && ms <= MAX_TIMER_MS ? ms : null;
}

export interface TimerTick {
  readonly state: TimerState;
  readonly remaining: number;
}

export type TimerAnnouncement = 'oneMinute' | 'ended';

/**
 * What to tell screen-reader users between two ticks: only a threshold crossed while the same run
 * counts down (same `endsAt`), so joining late, resuming or starting a short timer says nothing.
 * A tab asleep through both thresholds announces only the end.
 */
export function timerAnnouncement(previous: TimerTick | null, next: TimerTick): TimerAnnouncement | null {
  if (previous?.state.status !== 'running' || next.state.status !== 'running') return null;
  if (previous.state.endsAt !== next.state.endsAt) return null;
  if (previous.remaining > 0 && next.remaining === 0) return 'ended';
  if (previous.remaining > LAST_MINUTE_MS && next.remaining <= LAST_MINUTE_MS) return 'oneMinute';
  return null;
}

/** The preset the picker shows for a duration, or null for a custom one. */
export function presetFor(durationMs: number): number | null {
  return TIMER_PRESETS_MINUTES.find((minutes) => minutes * MINUTE === durationMs) ?? null;
}

export function minutesToMs(minutes: number): number {
  return minutes * MINUTE;
}
