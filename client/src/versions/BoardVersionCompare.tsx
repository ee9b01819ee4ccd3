/** A board now against a version: the shapes added, removed and changed since, with what changed. */
import { useId, useMemo, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { compareBoard, type ShapeChange, type ShapeSummary } from '@eprouvette/shared';
import { useI18n, type MessageKey } from '../i18n/index.ts';

const PROPERTY_KEYS: Readonly<Record<string, MessageKey>> = {
  position: 'versions.property.position',
  size: 'versions.property.size',
  order: 'versions.property.order',
  text: 'versions.property.text',
  color: 'versions.property.color',
  fill: 'versions.property.fill',
  stroke: 'versions.property.stroke',
  fontSize: 'versions.property.fontSize',
  title: 'versions.property.title',
  start: 'versions.property.start',
  end: 'versions.property.end',
  arrowStart: 'versions.property.arrows',
  arrowEnd: 'versions.property.arrows',
  points: 'versions.property.points',
  thickness: 'versions.property.thickness',
  asset: 'versions.property.asset',
  alt: 'versions.property.alt',
  parent: 'versions.property.parent',
  locked: 'versions.property.locked',
};

function ShapeName({ shape }: { shape: ShapeSummary }) {
  const { t } = useI18n();
  return (
    <>
      <span className="version-shape__type">{t(`a11y.type.${shape.type}`)}</span>{' '}
      {shape.label.trim() === '' ? <span className="muted">{t('versions.board.noText')}</span> : `« ${shape.label} »`}
    </>
  );
}

function ChangedShape({ shape }: { shape: ShapeChange }) {
  const { t } = useI18n();
  const properties = [...new Set(shape.properties.map((property) => (PROPERTY_KEYS[property] ? t(PROPERTY_KEYS[property]) : property)))];
  return (
    <>
      <ShapeName shape={shape} /> — {properties.join(', ')}
      {shape.previousLabel !== null && <span className="version-shape__was"> ({t('versions.board.was', { label: shape.previousLabel })})</span>}
    </>
  );
}

function ShapeList<S extends ShapeSummary>({ title, shapes, kind, render }: { title: string; shapes: S[]; kind: string; render: (shape: S) => ReactNode }) {
  const titleId = useId();
  if (shapes.length === 0) return null;
  return (
    <section className={`version-shapes version-shapes--${kind}`} aria-labelledby={titleId}>
      <h3 id={titleId} className="version-shapes__title">
        {title}
      </h3>
      <ul className="version-shapes__list">
        {shapes.map((shape) => (
          <li key={shape.id}>{render(shape)}</li>
        ))}
      </ul>
    </section>
  );
}

export function BoardVersionCompare({ version, current }: { version: Y.Doc; current: Y.Doc }) {
  const { t } = useI18n();
  const comparison = useMemo(() => compareBoard(version, current), [version, current]);
  const { added, removed, changed } = comparison;
  if (added.length + removed.length + changed.length === 0) return <p>{t('versions.compare.identical')}</p>;
  return (
    <div className="version-compare" data-testid="version-compare">
      <ShapeList title={t('versions.board.added', { count: added.length })} shapes={added} kind="added" render={(shape) => <ShapeName shape={shape} />} />
      <ShapeList title={t('versions.board.removed', { count: removed.length })} shapes={removed} kind="removed" render={(shape) => <ShapeName shape={shape} />} />
      <ShapeList title={t('versions.board.changed', { count: changed.length })} shapes={changed} kind="changed" render={(shape) => <ChangedShape shape={shape} />} />
    </div>
  );
}
