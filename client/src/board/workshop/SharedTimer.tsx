/**
 * The workshop timer everyone on the board sees, counting down on each screen from the shared end
 * time. Screen readers hear the last minute and the end, not every second; facilitators get the
 * controls.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { pauseTimer, readTimer, resetTimer, resumeTimer, startTimer, timerRemaining, type TimerState } from '@eprouvette/shared';
import { useI18n } from '../../i18n/index.ts';
import {
  formatClock,
  minutesToMs,
  parseDuration,
  presetFor,
  TIMER_PRESETS_MINUTES,
  timerAnnouncement,
  timerPhase,
  type TimerAnnouncement,
  type TimerPhase,
  type TimerTick,
} from './timer-display.ts';
import { useBoardState } from './use-board-state.ts';
import './workshop.css';

export interface SharedTimerProps {
  doc: Y.Doc;
  /** The local transaction origin. */
  origin: object;
  me: { id: string };
  /** Shows the controls: AMI admins and owners on a board they can write to. */
  canFacilitate: boolean;
}

/** Four ticks a second keep the seconds on time without showing a stale one for long. */
const TICK_MS = 250;
const CUSTOM = 'custom';
const DEFAULT_MINUTES = 5;

/**
 * The current time, re-rendering four times a second while the timer counts down. Read at every
 * render rather than stored, so a timer that arrives already over never shows a stale time.
 */
function useTimerNow(timer: TimerState | null): number {
  const now = Date.now();
  const ticking = timer?.status === 'running' && timerRemaining(timer, now) > 0;
  const [, setTicks] = useState(0);
  useEffect(() => {
    if (!ticking) return;
    const handle = setInterval(() => setTicks((ticks) => ticks + 1), TICK_MS);
    return () => clearInterval(handle);
  }, [ticking]);
  return now;
}

/** The announcement due at this tick; cleared when the timer is started, paused or reset. */
function useAnnouncement(timer: TimerState | null, remaining: number): TimerAnnouncement | null {
  const [announcement, setAnnouncement] = useState<TimerAnnouncement | null>(null);
  const previous = useRef<TimerTick | null>(null);
  useEffect(() => {
    const tick = timer && { state: timer, remaining };
    if (previous.current?.state !== timer) setAnnouncement(null);
    const due = tick && timerAnnouncement(previous.current, tick);
    if (due) setAnnouncement(due);
    previous.current = tick;
  }, [timer, remaining]);
  return announcement;
}

const PHASE_KEYS = { idle: 'workshop.timer.idle', paused: 'workshop.timer.paused', ended: 'workshop.timer.ended', running: null } as const;

export function SharedTimer({ doc, origin, me, canFacilitate }: SharedTimerProps) {
  const { t } = useI18n();
  const titleId = useId();
  const timer = useBoardState(doc, readTimer);
  const now = useTimerNow(timer);
  const remaining = timer ? timerRemaining(timer, now) : 0;
  const announcement = useAnnouncement(timer, remaining);
  if (!timer && !canFacilitate) return null;
  const phase = timer && timerPhase(timer, now);
  const phaseKey = phase && PHASE_KEYS[phase];

  return (
    <section className={`card card--side shared-timer${phase ? ` shared-timer--${phase}` : ''}`} aria-labelledby={titleId}>
      <h2 id={titleId} className="shared-timer__title">
        {t('workshop.timer.title')}
      </h2>
      {timer && (
        <p className="shared-timer__clock" role="timer">
          {formatClock(remaining)}
        </p>
      )}
      {phaseKey && <p className="shared-timer__status">{t(phaseKey)}</p>}
      <p className="visually-hidden" aria-live="polite">
        {announcement && t(`workshop.timer.announce.${announcement}`)}
      </p>
      {canFacilitate && <TimerControls doc={doc} origin={origin} by={me.id} timer={timer} phase={phase} />}
    </section>
  );
}

interface ControlsProps {
  doc: Y.Doc;
  origin: object;
  by: string;
  timer: TimerState | null;
  phase: TimerPhase | null;
}

function TimerControls({ doc, origin, by, timer, phase }: ControlsProps) {
  const { t } = useI18n();
  const [choice, setChoice] = useState(() => String(timer ? (presetFor(timer.durationMs) ?? CUSTOM) : DEFAULT_MINUTES));
  const [custom, setCustom] = useState('');
  const [invalid, setInvalid] = useState(false);
  const ids = { choice: useId(), custom: useId(), help: useId(), error: useId() };
  const container = useRef<HTMLDivElement>(null);
  const refocus = useRef(false);
  // Starting or resetting swaps the form and the buttons: focus goes to the first new control.
  useEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    container.current?.querySelector<HTMLElement>('button, select')?.focus();
  }, [phase]);

  const reset = (
    <button
      type="button"
      className="button button--secondary button--small"
      onClick={() => {
        refocus.current = true;
        resetTimer(doc, by, origin);
      }}
    >
      {t('workshop.timer.reset')}
    </button>
  );
  const start = () => {
    const durationMs = choice === CUSTOM ? parseDuration(custom) : minutesToMs(Number(choice));
    setInvalid(durationMs === null);
    if (durationMs === null) return;
    refocus.current = true;
    startTimer(doc, durationMs, by, origin);
  };

  return (
    <div ref={container} className="shared-timer__controls">
      {phase === 'running' || phase === 'paused' ? (
        <div className="button-row">
          {phase === 'running' ? (
            <button type="button" className="button button--small" onClick={() => pauseTimer(doc, by, origin)}>
              {t('workshop.timer.pause')}
            </button>
          ) : (
            <button type="button" className="button button--small" onClick={() => resumeTimer(doc, by, origin)}>
              {t('workshop.timer.resume')}
            </button>
          )}
          {reset}
        </div>
      ) : (
        <form
          className="shared-timer__form"
          onSubmit={(event) => {
            event.preventDefault();
            start();
          }}
        >
          <div className="shared-timer__field">
            <label htmlFor={ids.choice}>{t('workshop.timer.duration')}</label>
            <select id={ids.choice} className="field__input field__input--compact" value={choice} onChange={(event) => setChoice(event.target.value)}>
              {TIMER_PRESETS_MINUTES.map((minutes) => (
                <option key={minutes} value={String(minutes)}>
                  {t('workshop.timer.preset', { minutes })}
                </option>
              ))}
              <option value={CUSTOM}>{t('workshop.timer.custom')}</option>
            </select>
          </div>
          {choice === CUSTOM && (
            <div className="shared-timer__field">
              <label htmlFor={ids.custom}>{t('workshop.timer.customLabel')}</label>
              <input
                id={ids.custom}
                className="field__input field__input--compact shared-timer__custom"
                inputMode="decimal"
                value={custom}
                aria-invalid={invalid}
                aria-describedby={invalid ? `${ids.help} ${ids.error}` : ids.help}
                onChange={(event) => setCustom(event.target.value)}
              />
              <span id={ids.help} className="field__help">
                {t('workshop.timer.customHelp')}
              </span>
              {invalid && (
                <span id={ids.error} className="field__error">
                  {t('workshop.timer.customInvalid')}
                </span>
              )}
            </div>
          )}
          <div className="button-row">
            <button type="submit" className="button button--small">
              {t('workshop.timer.start')}
            </button>
            {phase === 'ended' && reset}
          </div>
        </form>
      )}
    </div>
  );
}
