/**
 * A version of a board, drawn by the board's SVG export from the version's shapes (images
 * inlined, as for a downloaded SVG) and shown as an image: nothing in it can run or be edited.
 */
import { useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { readBoard } from '@eprouvette/shared';
import { embedImages } from '../board/export/images.ts';
import { boardToSvg } from '../board/export/svg.ts';
import { canvasMeasure } from '../board/text/text-measure.ts';
import { useI18n } from '../i18n/index.ts';

const PADDING = 32;

export function BoardVersionPreview({ doc, amiId, title }: { doc: Y.Doc; amiId: string; title: string }) {
  const { t } = useI18n();
  const shapes = useMemo(() => readBoard(doc).shapes, [doc]);
  const [url, setUrl] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    let made: string | null = null;
    void embedImages(shapes, amiId).then((images) => {
      if (!current) return;
      const { svg } = boardToSvg(shapes, { padding: PADDING, title, imageHref: (hash) => images.get(hash) ?? null, measure: canvasMeasure() });
      made = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
      setUrl(made);
    });
    return () => {
      current = false;
      if (made !== null) URL.revokeObjectURL(made);
    };
  }, [shapes, amiId, title]);

  if (shapes.length === 0) return <p>{t('versions.board.empty')}</p>;
  if (url === null) return <p className="muted">{t('versions.loadingContent')}</p>;
  return (
    <img
      className="version-preview version-preview--board"
      data-testid="version-preview"
      src={url}
      alt={shapes.length === 1 ? t('versions.board.previewAlt.one', { title }) : t('versions.board.previewAlt.other', { title, count: shapes.length })}
    />
  );
}
