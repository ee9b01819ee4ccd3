import { useEffect, useId, useRef } from 'react';
import type * as Y from 'yjs';
import { useI18n } from '../i18n/index.ts';
import { TextareaBinding } from './textarea-binding.ts';

export type EditorStatus = 'loading' | 'ready' | 'unavailable';

interface Props {
  label: string;
  /** `null` while the document is being opened. */
  text: Y.Text | null;
  /** 'ready' once the document was received from the server; 'unavailable' if it was refused. */
  status: EditorStatus;
  /** Why the person may read but not write, or null when they may write. */
  readOnlyReason: string | null;
}

const PLACEHOLDER = {
  loading: 'editor.loading',
  ready: 'editor.placeholder',
  unavailable: 'editor.unavailable',
} as const;

/** Collaborative plain-text editor: a textarea bound to a shared Y.Text. */
export function SharedTextEditor({ label, text, status, readOnlyReason }: Props) {
  const { t } = useI18n();
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const readOnly = readOnlyReason !== null;

  useEffect(() => {
    const textarea = textareaRef.current;
    if (!text || !textarea) return;
    const binding = new TextareaBinding(text, textarea);
    return () => binding.destroy();
  }, [text]);

  return (
    <div className="editor">
      <div className="editor__heading">
        <label className="editor__label" htmlFor={id}>
          {label}
        </label>
        {readOnly && (
          <span className="badge badge--read-only" data-testid="read-only-badge">
            {t('readOnly.badge')}
          </span>
        )}
      </div>
      <p className="editor__help" id={`${id}-help`}>
        {readOnly ? readOnlyReason : t('editor.help')}
      </p>
      <textarea
        ref={textareaRef}
        id={id}
        className="editor__textarea"
        aria-describedby={`${id}-help`}
        aria-busy={status === 'loading'}
        readOnly={status !== 'ready' || readOnly}
        data-state={status === 'ready' ? (readOnly ? 'read-only' : 'editable') : status}
        placeholder={readOnly && status === 'ready' ? t('editor.emptyReadOnly') : t(PLACEHOLDER[status])}
        spellCheck
        data-testid="shared-text"
      />
    </div>
  );
}
