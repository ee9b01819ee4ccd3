import { EditorContent } from '@tiptap/react';
import { useI18n } from '../../i18n/index.ts';
import { useAmiText } from '../text-context.ts';
import '../ami-text.css';

/** The editing area of the AMI text; while the document loads, it says so. */
export function TextEditor({ loaded }: { loaded: boolean }) {
  const { t } = useI18n();
  const { editor } = useAmiText();
  return (
    <article className="ami-text" aria-busy={!loaded} data-testid="ami-text">
      {!loaded && <p className="muted">{t('editor.loading')}</p>}
      <EditorContent editor={editor} />
    </article>
  );
}
