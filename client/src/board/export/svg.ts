/**
 * The board, or part of it, as a standalone SVG file: built from the shapes themselves (not from
 * the canvas), so it is vector, holds real text, and needs nothing from the page to open.
 */
import { bounds, descendants, paintOrder, type Box, type InkColor } from '@eprouvette/shared';
import type { Shape } from '../engine/shape-model.ts';
import { BOARD_CHROME, INK } from '../palette.ts';
import { arrowMarker, paintShape, type PaintContext } from './svg-shapes.ts';
import { num } from '../shapes/svg-number.ts';
import { approximateMeasure, FONT_FAMILY, type Measure } from '../text/text-measure.ts';
import { element, escapeXml } from './svg-markup.ts';

export interface SvgOptions {
  /** Only these shapes (a selection); a frame among them brings its content. All shapes when absent. */
  only?: ReadonlySet<string>;
  /** The area to show (a frame for a PDF page) instead of the bounds of what is drawn. */
  area?: Box;
  /** World units around the area. */
  padding: number;
  /** The file's `<title>`: the board's or the frame's. */
  title: string;
  imageHref: PaintContext['imageHref'];
  measure?: Measure;
}

export interface BoardSvg {
  svg: string;
  /** The world area the SVG shows, padding included: its `viewBox`, and its size in CSS pixels. */
  box: Box;
}

/** The shapes an export draws, bottom to top: the selection with the content of its frames, or everything. */
export function exportScope(shapes: readonly Shape[], only?: ReadonlySet<string>): Shape[] {
  if (only === undefined) return [...shapes].sort(paintOrder);
  const ids = new Set(only);
  for (const shape of shapes) {
    if (shape.type !== 'frame' || !only.has(shape.id)) continue;
    for (const inner of descendants(shape.id, shapes)) ids.add(inner.id);
  }
  return shapes.filter((shape) => ids.has(shape.id)).sort(paintOrder);
}

/** Inks of the arrowheads drawn, so that each marker is defined once. */
function arrowInks(shapes: readonly Shape[]): InkColor[] {
  const inks = new Set<InkColor>();
  for (const shape of shapes) {
    if (shape.type === 'connector' && (shape.arrowStart || shape.arrowEnd) && INK[shape.stroke] !== null) inks.add(shape.stroke);
  }
  return [...inks];
}

export function boardToSvg(shapes: Iterable<Shape>, options: SvgOptions): BoardSvg {
  const all = [...shapes];
  const context: PaintContext = {
    lookup: new Map(all.map((shape) => [shape.id, shape])),
    measure: options.measure ?? approximateMeasure,
    imageHref: options.imageHref,
  };
  const scope = exportScope(all, options.only);
  const painted = scope.flatMap((shape) => paintShape(shape, context) ?? []);
  const shown = options.area ?? bounds(painted.map((paint) => paint.bounds)) ?? { x: 0, y: 0, w: 0, h: 0 };
  const { padding } = options;
  const box = { x: shown.x - padding, y: shown.y - padding, w: shown.w + 2 * padding, h: shown.h + 2 * padding };
  const markers = arrowInks(scope).map(arrowMarker).join('');
  const content = [
    element('title', {}, escapeXml(options.title)),
    markers === '' ? '' : element('defs', {}, markers),
    element('rect', { x: box.x, y: box.y, width: box.w, height: box.h, fill: BOARD_CHROME.background }),
    ...painted.map((paint) => paint.markup),
  ]
    .filter((part) => part !== '')
    .join('\n');
  const root = element(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width: box.w,
      height: box.h,
      viewBox: [box.x, box.y, box.w, box.h].map(num).join(' '),
      'font-family': FONT_FAMILY,
    },
    `\n${content}\n`,
  );
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`, box };
}
