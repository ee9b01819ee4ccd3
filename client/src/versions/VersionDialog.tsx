/**
 * The large modal dialog a version is shown in (preview, comparison): Escape or « Fermer » close
 * it, and the browser gives the focus back to the button that opened it.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.ts';
import { ActionAlert } from '../ui/ActionAlert.tsx';

export function VersionDialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const { t } = useI18n();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);

  // Removed from the page, the dialog leaves the top layer by itself: no cleanup to do.
  useEffect(() => {
    if (dialog.current?.open === false) dialog.current.showModal();
  }, []);

  return (
    <dialog ref={dialog} className="version-dialog" aria-labelledby={id} onClose={onClose}>
      <div className="version-dialog__header">
        <h2 id={id} className="version-dialog__title">
          {title}
        </h2>
        <button type="button" className="button button--secondary button--small" onClick={() => dialog.current?.close()}>
          {t('versions.close')}
        </button>
      </div>
      <div className="version-dialog__body">{children}</div>
    </dialog>
  );
}

/**
 * « Restaurer cette version ? »: asked in an alert dialog whose focus starts on « Annuler », since
 * the other answer replaces everyone's content.
 */
interface RestoreDialogProps {
  title: string;
  busy: boolean;
  /** Why the restore was refused, said in the dialog. */
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
}

export function RestoreDialog({ title, busy, error, onConfirm, onClose }: RestoreDialogProps) {
  const { t } = useI18n();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (dialog.current?.open === false) dialog.current.showModal();
    cancel.current?.focus();
  }, []);

  return (
    <dialog ref={dialog} role="alertdialog" className="version-dialog version-dialog--confirm" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} onClose={onClose}>
      <h2 id={`${id}-title`} className="version-dialog__title">
        {t('versions.restore.question')}
      </h2>
      <p id={`${id}-text`}>
        <strong>{title}</strong> — {t('versions.restore.explanation')}
      </p>
      <ActionAlert message={error} />
      <div className="button-row">
        <button type="button" className="button button--danger" disabled={busy} onClick={onConfirm}>
          {busy ? t('form.sending') : t('versions.restore.confirm')}
        </button>
        <button ref={cancel} type="button" className="button button--secondary" disabled={busy} onClick={() => dialog.current?.close()}>
          {t('action.cancel')}
        </button>
      </div>
    </dialog>
  );
}
