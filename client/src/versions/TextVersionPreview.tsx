/**
 * A version of the AMI text, read-only: the same Tiptap schema as the live editor
 * (`textExtensions`), bound to the version's own Y.Doc, not editable and without carets.
 */
import { EditorContent, useEditor } from '@tiptap/react';
import type * as Y from 'yjs';
import { textExtensions } from '../ami-text/editor/extensions.ts';
import '../ami-text/ami-text.css';
import { useI18n } from '../i18n/index.ts';

export function TextVersionPreview({ doc, title }: { doc: Y.Doc; title: string }) {
  const { t } = useI18n();
  const editor = useEditor(
    {
      extensions: textExtensions({ doc }),
      editable: false,
      editorProps: { attributes: { class: 'ami-text__content', 'aria-label': t('versions.preview.textLabel', { title }), 'aria-readonly': 'true' } },
    },
    [doc],
  );
  return (
    <article className="ami-text version-preview version-preview--text" data-testid="version-preview">
      <EditorContent editor={editor} />
    </article>
  );
}
