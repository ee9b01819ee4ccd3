import { useEditorState } from '@tiptap/react';
import { useI18n } from '../../i18n/index.ts';
import { useAmiText } from '../text-context.ts';
import { wordCountLabel } from './word-count.ts';

/** « 1 234 mots », following the text live (not announced: it changes at every word typed). */
export function WordCount() {
  const { lang } = useI18n();
  const { editor } = useAmiText();
  const words = useEditorState({ editor, selector: ({ editor: current }) => current.storage.characterCount.words() });
  return (
    <p className="text-word-count" data-testid="word-count">
      {wordCountLabel(words, lang)}
    </p>
  );
}
