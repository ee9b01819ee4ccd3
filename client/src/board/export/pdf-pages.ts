/**
 * What the PDF export puts on its pages: one page per top-level frame (frames are the board's
 * slides), in reading order; a board without frames fits on one page.
 */
import type { Box } from '@eprouvette/shared';
import type { Frame, Shape } from '../engine/shape-model.ts';

export interface PdfPagePlan {
  /** The page's header: the frame's title, or the board's when the page shows the whole board. */
  title: string;
  /** The world area shown: the frame; the bounds of everything when absent. */
  area?: Box;
  /** The shapes drawn: the frame, which brings its content; everything when absent. */
  only?: ReadonlySet<string>;
}

/**
 * Top to bottom, then left to right within a row. Frames laid out by hand are rarely aligned to
 * the unit, so a frame starting above the middle of the first frame of a row joins that row.
 */
export function readingOrder<T extends Box>(frames: readonly T[]): T[] {
  const rows: T[][] = [];
  for (const frame of [...frames].sort((a, b) => a.y - b.y || a.x - b.x)) {
    const row = rows.at(-1);
    const first = row?.[0];
    if (row && first && frame.y < first.y + first.h / 2) row.push(frame);
    else rows.push([frame]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.x - b.x || a.y - b.y));
}

/** Frames inside another frame are content of that frame's page; a parent that is gone counts as none. */
function topLevelFrames(shapes: readonly Shape[]): Frame[] {
  const frames = shapes.filter((shape): shape is Frame => shape.type === 'frame');
  const frameIds = new Set(frames.map((frame) => frame.id));
  return frames.filter((frame) => frame.parent === null || !frameIds.has(frame.parent));
}

export function planPdfPages(shapes: readonly Shape[], boardTitle: string, untitledFrame: (position: number) => string): PdfPagePlan[] {
  const frames = readingOrder(topLevelFrames(shapes));
  if (frames.length === 0) return [{ title: boardTitle }];
  return frames.map((frame, index) => ({
    title: frame.title.trim() === '' ? untitledFrame(index + 1) : frame.title.trim(),
    area: { x: frame.x, y: frame.y, w: frame.w, h: frame.h },
    only: new Set([frame.id]),
  }));
}
