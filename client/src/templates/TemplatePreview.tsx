/**
 * A template drawn by the board's SVG export and shown as an image: nothing in it runs or can be
 * edited. Templates hold no images (see `extractTemplate`), so nothing is fetched.
 */
import { useMemo } from 'react';
import type { BoardJson } from '@eprouvette/shared';
import { boardToSvg } from '../board/export/svg.ts';
import { canvasMeasure } from '../board/text/text-measure.ts';
import { countKey } from '../board/workshop/plural.ts';
import { useI18n } from '../i18n/index.ts';

const PADDING = 24;

export function TemplatePreview({ content, title }: { content: BoardJson; title: string }) {
  const { t } = useI18n();
  const source = useMemo(() => {
    const { svg } = boardToSvg(content.shapes, { padding: PADDING, title, imageHref: () => null, measure: canvasMeasure() });
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  }, [content, title]);
  const count = content.shapes.length;
  const shapes = t(countKey(count, { one: 'templates.shapes.one', other: 'templates.shapes.other' }), { count });
  return <img className="template-preview" src={source} alt={t('templates.preview.alt', { title, shapes })} data-testid="template-preview" />;
}
