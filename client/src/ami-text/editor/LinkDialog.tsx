import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Editor } from '@tiptap/core';
import { useI18n, type MessageKey } from '../../i18n/index.ts';
import { linkFromInput } from './link-rule.ts';

const ERRORS: Record<'empty' | 'protocol', MessageKey> = {
  empty: 'amiText.link.error.empty',
  protocol: 'amiText.link.error.protocol',
};

/** Links the selection (or the link the caret is in) to `href`; with nothing selected, inserts the address as linked text. */
function applyLink(editor: Editor, href: string): void {
  if (editor.state.selection.empty && !editor.isActive('link')) {
    const text = href.replace(/^mailto:/, '');
    editor.chain().focus().insertContent({ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] }).run();
  } else {
    editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
  }
}

/**
 * Asks for a link's address, in a modal dialog (Escape or « Annuler » close it and the focus goes
 * back where it was). Addresses other than http, https and mailto are refused with a message
 * rather than corrected.
 */
export function LinkDialog({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const current = editor.getAttributes('link').href as string | undefined;
  const [value, setValue] = useState(current ?? '');
  const [error, setError] = useState<MessageKey | null>(null);

  // Removed from the page, the dialog leaves the top layer by itself: no cleanup to do.
  useEffect(() => {
    if (dialog.current?.open === false) dialog.current.showModal();
  }, []);

  const close = () => dialog.current?.close();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const link = linkFromInput(value);
    if (!link.ok) {
      setError(ERRORS[link.reason]);
      return;
    }
    close();
    applyLink(editor, link.href);
  };
  const remove = () => {
    close();
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
  };

  const describedBy = [`${id}-help`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <dialog ref={dialog} className="link-dialog" aria-labelledby={`${id}-title`} onClose={onClose} data-testid="link-dialog">
      <form onSubmit={submit} noValidate>
        <h2 id={`${id}-title`} className="link-dialog__title">
          {t(current ? 'amiText.link.editTitle' : 'amiText.link.title')}
        </h2>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-href`}>
            {t('amiText.link.address')}
          </label>
          <p className="field__help" id={`${id}-help`}>
            {t('amiText.link.help')}
          </p>
          {error && (
            <p className="field__error" id={`${id}-error`} role="alert">
              <span className="field__error-prefix">{t('form.errorPrefix')}</span> {t(error)}
            </p>
          )}
          <input
            id={`${id}-href`}
            name="href"
            className="field__input"
            type="text"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            value={value}
            aria-invalid={error !== null}
            aria-describedby={describedBy}
            onChange={(event) => {
              setValue(event.target.value);
              setError(null);
            }}
          />
        </div>
        <div className="button-row">
          <button type="submit" className="button">
            {t('amiText.link.apply')}
          </button>
          {current && (
            <button type="button" className="button button--secondary" onClick={remove}>
              {t('amiText.link.remove')}
            </button>
          )}
          <button type="button" className="button button--secondary" onClick={close}>
            {t('amiText.link.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
