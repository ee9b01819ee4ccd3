import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { useI18n } from '../i18n/index.ts';
import { AMI_TEXT_FIELD, textBlocks, type TextBlock } from './text-blocks.ts';

/** Follows the AMI text document live and renders it read-only (headings one level below the page's). */
export function AmiTextView({ doc, loaded }: { doc: Y.Doc | null; loaded: boolean }) {
  const { t } = useI18n();
  const [blocks, setBlocks] = useState<TextBlock[]>([]);

  useEffect(() => {
    if (!doc) return;
    const fragment = doc.getXmlFragment(AMI_TEXT_FIELD);
    const refresh = () => setBlocks(textBlocks(fragment));
    refresh();
    fragment.observeDeep(refresh);
    return () => fragment.unobserveDeep(refresh);
  }, [doc]);

  return (
    <article className="ami-text" aria-busy={!loaded} data-testid="ami-text">
      {!loaded && blocks.length === 0 && <p className="muted">{t('editor.loading')}</p>}
      {blocks.map((block, index) =>
        block.kind === 'heading' ? (
          block.level === 1 ? (
            <h2 key={index} className="ami-text__h1">
              {block.text}
            </h2>
          ) : (
            <h3 key={index} className="ami-text__h2">
              {block.text}
            </h3>
          )
        ) : (
          <p key={index}>{block.text}</p>
        ),
      )}
    </article>
  );
}
