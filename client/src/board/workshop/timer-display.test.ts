import { describe, expect, it } from 'vitest';
import { MAX_TIMER_MS, type TimerState } from '@eprouvette/shared';
import { formatClock, parseDuration, presetFor, timerAnnouncement, timerPhase, type TimerTick } from './timer-display.ts';

const running = (endsAt: number, durationMs = 300_000): TimerState => ({ status: 'running', durationMs, endsAt, by: 'animatrice' });
const tick = (state: TimerState, remaining: number): TimerTick => ({ state, remaining });

describe('formatClock', () => {
  it('shows minutes and seconds, rounded up to the next second', () => {
    expect(formatClock(300_000)).toBe('05:00');
    expect(formatClock(59_001)).toBe('01:00');
    expect(formatClock(1)).toBe('00:01');
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(-500)).toBe('00:00');
  });

  it('adds the hours from an hour on', () => {
    expect(formatClock(3_600_000)).toBe('1:00:00');
    expect(formatClock(MAX_TIMER_MS)).toBe('24:00:00');
    expect(formatClock(3_599_000)).toBe('59:59');
  });
});

describe('timerPhase', () => {
  it('is ended once a running timer reaches zero, whatever the clock says after', () => {
    const state = running(10_000);
    expect(timerPhase(state, 9_999)).toBe('running');
    expect(timerPhase(state, 10_000)).toBe('ended');
    expect(timerPhase(state, 50_000)).toBe('ended');
  });

  it('keeps the stored status otherwise', () => {
    expect(timerPhase({ status: 'paused', durationMs: 60_000, remainingMs: 0, by: 'a' }, 0)).toBe('paused');
    expect(timerPhase({ status: 'idle', durationMs: 60_000, by: 'a' }, 0)).toBe('idle');
  });
});

describe('parseDuration', () => {
  it('reads minutes, French decimals and minutes:seconds', () => {
    expect(parseDuration('7')).toBe(420_000);
    expect(parseDuration(' 7,5 ')).toBe(450_000);
    expect(parseDuration('7.5')).toBe(450_000);
    expect(parseDuration('7:30')).toBe(450_000);
    expect(parseDuration('0:45')).toBe(45_000);
    expect(parseDuration('1440')).toBe(MAX_TIMER_MS);
  });

  it('refuses what the timer cannot run', () => {
    for (const text of ['', '0', '0:00', 'abc', '-3', '1441', '7:60', '5 min', '1e3']) expect(parseDuration(text), text).toBeNull();
  });
});

describe('timerAnnouncement', () => {
  const run = running(100_000);

  it('announces the last minute once, when it is crossed', () => {
    expect(timerAnnouncement(tick(run, 60_200), tick(run, 59_950))).toBe('oneMinute');
    expect(timerAnnouncement(tick(run, 60_000), tick(run, 59_750))).toBeNull();
    expect(timerAnnouncement(tick(run, 61_000), tick(run, 60_000))).toBe('oneMinute');
  });

  it('announces the end, and only the end when a sleeping tab skipped the last minute', () => {
    expect(timerAnnouncement(tick(run, 200), tick(run, 0))).toBe('ended');
    expect(timerAnnouncement(tick(run, 120_000), tick(run, 0))).toBe('ended');
    expect(timerAnnouncement(tick(run, 0), tick(run, 0))).toBeNull();
  });

  it('says nothing on joining late, on a new run or outside a countdown', () => {
    expect(timerAnnouncement(null, tick(run, 0))).toBeNull();
    expect(timerAnnouncement(tick(running(500_000), 300_000), tick(run, 30_000))).toBeNull();
    const paused: TimerState = { status: 'paused', durationMs: 300_000, remainingMs: 61_000, by: 'a' };
    expect(timerAnnouncement(tick(paused, 61_000), tick(run, 59_000))).toBeNull();
    expect(timerAnnouncement(tick(run, 61_000), tick(paused, 59_000))).toBeNull();
  });
});

describe('presetFor', () => {
  it('finds the preset of a duration, none for a custom one', () => {
    expect(presetFor(600_000)).toBe(10);
    expect(presetFor(450_000)).toBeNull();
  });
});
