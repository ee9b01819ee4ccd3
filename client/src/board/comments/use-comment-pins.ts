import { useEffect, type RefObject } from 'react';
import type { BoardRenderer } from '../render/renderer.ts';
import { useBoardComments } from './board-comments-context.ts';

/**
 * Gives the renderer the pins to draw (once the board is loaded: before that, every pinned item
 * would look deleted) and keeps what it drew: for clicks, for « Voir », and as the canvas's
 * `data-comment-pins` (id, number, screen position, orphaned, resolved) that browser tests read.
 */
export function useCommentPins(renderer: BoardRenderer | null, container: RefObject<HTMLElement | null>, loaded: boolean): void {
  const { pins, marks } = useBoardComments();
  useEffect(() => renderer?.setCommentPins(loaded ? pins : []), [renderer, pins, loaded]);
  useEffect(() => {
    if (renderer === null) return;
    let written = '';
    return renderer.onPinsDrawn((drawn) => {
      marks.current = drawn;
      const attribute = JSON.stringify(
        drawn.map((mark) => ({ id: mark.id, label: mark.label, x: Math.round(mark.at.x), y: Math.round(mark.at.y), orphaned: mark.orphaned, resolved: mark.resolved })),
      );
      if (attribute === written || container.current === null) return;
      container.current.dataset.commentPins = attribute;
      written = attribute;
    });
  }, [renderer, marks, container]);
}
