/**
 * Over the canvas, on coming back to a board: « 3 changements depuis votre dernière visite », the
 * shapes added or changed outlined for a few seconds, and « Voir » / « Suivant » taking the view
 * to each of them in reading order. Deleted shapes are counted; there is nothing left to show.
 */
import { useEffect, useMemo, useState } from 'react';
import type { BoardChangesSince } from '@eprouvette/shared';
import { inReadingOrder } from '../board/a11y/reading-order.ts';
import { fitBounds } from '../board/engine/camera.ts';
import { expandBox } from '../board/engine/geometry/math.ts';
import { boxOf } from '../board/engine/geometry/shape-geometry.ts';
import type { Shape } from '../board/engine/shape-model.ts';
import { countKey } from '../board/workshop/plural.ts';
import { useBoard } from '../board/ui/board-context.ts';
import { useI18n } from '../i18n/index.ts';
import { ChangeHighlights } from './ChangeHighlights.tsx';
import { useChangesSinceLastVisit } from './use-last-visit.ts';
import './activity.css';

/** How long outlines stay, long enough to find them on a large board. */
const HIGHLIGHT_MS = 8_000;
/** World units shown around a shape the view is taken to. */
const TOUR_MARGIN = 120;

interface Highlight {
  ids: readonly string[];
  /** A new value restarts the outlines' fade, even on the same shapes. */
  key: number;
}

export function SinceLastVisit({ loaded }: { loaded: boolean }) {
  const { ami, boardView, doc } = useBoard();
  const changes = useChangesSinceLastVisit(ami.id, boardView.id, doc, loaded);
  return changes === null || changes.added.length + changes.changed.length + changes.deleted.length === 0 ? null : <ChangesNotice changes={changes} />;
}

function ChangesNotice({ changes }: { changes: BoardChangesSince }) {
  const { t } = useI18n();
  const { board, editor } = useBoard();
  const [open, setOpen] = useState(true);
  const [index, setIndex] = useState<number | null>(null);
  const [highlight, setHighlight] = useState<Highlight | null>({ ids: [...changes.added, ...changes.changed], key: 0 });
  const count = changes.added.length + changes.changed.length + changes.deleted.length;
  // The shapes to visit, as a reader scans the board; those deleted since by someone are skipped.
  const tour = useMemo(
    () => inReadingOrder([...changes.added, ...changes.changed].flatMap((id) => board.source.get(id) ?? [])).map((shape: Shape) => shape.id),
    [changes, board],
  );

  useEffect(() => {
    if (highlight === null) return;
    const timer = window.setTimeout(() => setHighlight(null), HIGHLIGHT_MS);
    return () => window.clearTimeout(timer);
  }, [highlight]);

  const show = (position: number) => {
    const id = tour[position];
    const shape = id === undefined ? undefined : board.source.get(id);
    if (id === undefined || shape === undefined) return;
    editor.setCamera(fitBounds(expandBox(boxOf(shape), TOUR_MARGIN), editor.getState().viewport));
    setIndex(position);
    setHighlight((previous) => ({ ids: [id], key: (previous?.key ?? 0) + 1 }));
  };

  return (
    <>
      {highlight !== null && <ChangeHighlights key={highlight.key} ids={highlight.ids} />}
      {open && (
        <section className="since-visit" aria-label={t('sinceVisit.label')} data-testid="since-last-visit">
          <p className="since-visit__count" role="status">
            {t(countKey(count, { one: 'sinceVisit.changes.one', other: 'sinceVisit.changes.other' }), { count })}
          </p>
          <p className="since-visit__detail">{t('sinceVisit.detail', { added: changes.added.length, changed: changes.changed.length, deleted: changes.deleted.length })}</p>
          <div className="since-visit__actions">
            {tour.length > 0 &&
              (index === null ? (
                <button type="button" className="button button--small" onClick={() => show(0)}>
                  {t('sinceVisit.see')}
                </button>
              ) : (
                <>
                  <button type="button" className="button button--small" onClick={() => show((index + 1) % tour.length)}>
                    {t('sinceVisit.next')}
                  </button>
                  <span className="since-visit__position" aria-live="polite">
                    {t('sinceVisit.position', { index: index + 1, count: tour.length })}
                  </span>
                </>
              ))}
            <button type="button" className="button button--secondary button--small" onClick={() => setOpen(false)}>
              {t('sinceVisit.dismiss')}
            </button>
          </div>
        </section>
      )}
    </>
  );
}
