import { useId, useMemo } from 'react';
import { useEditorState } from '@tiptap/react';
import { useI18n } from '../../i18n/index.ts';
import { useAmiText } from '../text-context.ts';
import { jumpTo } from './jump-to.ts';
import { outline, type JsonNode } from './outline.ts';

/** The table of contents of the text, following it live; each entry moves there. */
export function TextOutline() {
  const { t } = useI18n();
  const { editor } = useAmiText();
  const titleId = useId();
  // The document node changes identity only when the text does; carets moving leave it alone.
  const doc = useEditorState({ editor, selector: ({ editor: current }) => current.state.doc, equalityFn: Object.is });
  const entries = useMemo(() => outline(doc.toJSON() as JsonNode), [doc]);

  return (
    <nav className="card card--side text-outline" aria-labelledby={titleId} data-testid="text-outline">
      <h2 id={titleId} className="text-outline__title">
        {t('amiText.outline.title')}
      </h2>
      {entries.length === 0 ? (
        <p className="muted">{t('amiText.outline.empty')}</p>
      ) : (
        <ol className="text-outline__list">
          {entries.map((entry) => (
            <li key={entry.pos} className={`text-outline__item text-outline__item--level-${Math.min(3, entry.level)}`}>
              <button type="button" className="text-outline__link" onClick={() => jumpTo(editor, entry.pos)}>
                {entry.text === '' ? t('amiText.outline.untitled') : entry.text}
              </button>
            </li>
          ))}
        </ol>
      )}
    </nav>
  );
}
