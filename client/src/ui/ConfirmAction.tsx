/**
 * A button whose action is asked for again in place (no browser `confirm()`): the question is
 * read out when it appears, « Annuler » brings focus back to the button.
 */
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/index.ts';

interface Props {
  label: string;
  /** A longer name for assistive technologies when several such buttons sit side by side; starts with `label`. */
  accessibleLabel?: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => Promise<void> | void;
  busy?: boolean;
  danger?: boolean;
}

export function ConfirmAction({ label, accessibleLabel, question, confirmLabel, onConfirm, busy = false, danger = false }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const panelRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (open) panelRef.current?.focus();
    else if (wasOpen.current) triggerRef.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const style = danger ? 'button button--danger' : 'button button--secondary';
  if (!open) {
    return (
      <button
        ref={triggerRef}
        type="button"
        className={`${style} button--small`}
        aria-label={accessibleLabel}
        onClick={() => setOpen(true)}
        disabled={busy}
      >
        {label}
      </button>
    );
  }
  return (
    <div ref={panelRef} className="confirm" role="group" aria-label={accessibleLabel ?? label} tabIndex={-1}>
      <p className="confirm__question">{question}</p>
      <div className="button-row">
        <button
          type="button"
          className={`${danger ? 'button button--danger' : 'button'} button--small`}
          disabled={busy}
          onClick={() => {
            void Promise.resolve(onConfirm()).finally(() => setOpen(false));
          }}
        >
          {busy ? t('form.sending') : confirmLabel}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => setOpen(false)} disabled={busy}>
          {t('action.cancel')}
        </button>
      </div>
    </div>
  );
}
