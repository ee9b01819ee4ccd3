import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { useI18n } from '../i18n/index.ts';
import { TextareaBinding } from './textarea-binding.ts';

export type EditorStatus = 'loading' | 'ready' | 'unavailable';

interface Props {
  /** `null` while the document is being opened. */
  text: Y.Text | null;
  /** 'ready' once the document was received from the server; 'unavailable' if it was refused. */
  status: EditorStatus;
}

const PLACEHOLDER = {
  loading: 'editor.loading',
  ready: 'editor.placeholder',
  unavailable: 'editor.unavailable',
} as const;

/** Collaborative plain-text editor: a textarea bound to a shared Y.Text. */
export function SharedTextEditor({ text, status }: Props) {
  const { t } = useI18n();
  const textareaRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const textarea = textareaRef.current;
    if (!text || !textarea) return;
    const binding = new TextareaBinding(text, textarea);
    return () => binding.destroy();
  }, [text]);

  return (
    <div className="editor">
      <label className="editor__label" htmlFor="shared-text">
        {t('editor.label')}
      </label>
      <p className="editor__help" id="shared-text-help">
        {t('editor.help')}
      </p>
      <textarea
        ref={textareaRef}
        id="shared-text"
        className="editor__textarea"
        aria-describedby="shared-text-help"
        aria-busy={status === 'loading'}
        readOnly={status !== 'ready'}
        placeholder={t(PLACEHOLDER[status])}
        spellCheck
        data-testid="shared-text"
      />
    </div>
  );
}
