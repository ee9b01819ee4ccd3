/**
 * Each kind of shape as SVG markup, with the box it covers once painted (strokes, arrowheads and
 * overflowing text included) so the exported view leaves nothing out. Faithful to the board's
 * look: same palette, same text sizes (`text/text-style.ts`), same frame title bar, same freehand
 * outline.
 */
import { bounds, connectorEnds, type Box, type InkColor, type ShapeLookup } from '@eprouvette/shared';
import type { ShapeOf, Shape } from '../engine/shape-model.ts';
import { FRAME_TITLE_HEIGHT } from '../engine/geometry/frame.ts';
import { BOARD_CHROME, INK, INK_TINTS, STICKY_FILLS, TEXT_ON_PALE } from '../palette.ts';
import { freehandOutline } from '../shapes/freehand-outline.ts';
import { ARROW_LENGTH, STICKY_RADIUS, STROKE_WIDTH } from '../shapes/shape-style.ts';
import { num } from '../shapes/svg-number.ts';
import type { Measure } from '../text/text-measure.ts';
import {
  baselineOffset,
  centredTop,
  FRAME_TITLE_INSET,
  FRAME_TITLE_SIZE,
  LABEL_FONT_SIZE,
  LABEL_MAX_LINES,
  LABEL_MAX_WIDTH,
  LABEL_PADDING,
  LINE_HEIGHT,
  linesThatFit,
  SHAPE_FONT_SIZE,
  shapeTextArea,
  STICKY_FONT_SIZE,
  stickyTextArea,
  type GeometricShape,
} from '../text/text-style.ts';
import { fitLines, truncateLine, wrapText } from '../text/wrap-text.ts';
import { element, escapeXml } from './svg-markup.ts';

export interface PaintContext {
  /** Every shape of the board, exported or not: a connector may be glued to a shape left out. */
  lookup: ShapeLookup;
  measure: Measure;
  /** What an image's `href` is (a data URL for a standalone file), or `null` when it could not be had. */
  imageHref: (hash: string) => string | null;
}

export interface ShapePaint {
  markup: string;
  bounds: Box;
}

function expand(box: Box, by: number): Box {
  return { x: box.x - by, y: box.y - by, w: box.w + 2 * by, h: box.h + 2 * by };
}

function union(...boxes: Box[]): Box {
  return bounds(boxes) as Box;
}

interface TextPlacement {
  x: number;
  top: number;
  fontSize: number;
  fill: string;
  anchor?: 'start' | 'middle';
  bold?: boolean;
}

function textBlock(lines: readonly string[], { x, top, fontSize, fill, anchor = 'start', bold = false }: TextPlacement): string {
  const lineHeight = fontSize * LINE_HEIGHT;
  const spans = lines.map((line, index) => element('tspan', { x, y: top + index * lineHeight + baselineOffset(fontSize) }, escapeXml(line)));
  return element(
    'text',
    { 'font-size': fontSize, 'font-weight': bold ? 'bold' : null, 'text-anchor': anchor === 'middle' ? 'middle' : null, fill },
    spans.join(''),
  );
}

/** Text centred in `area`, cut with an ellipsis when it does not fit, as on the board. */
function centredText(text: string, area: Box, fontSize: number, measure: Measure): string {
  if (text.trim() === '' || area.w <= 0) return '';
  const lines = fitLines(wrapText(text, area.w, fontSize, measure), linesThatFit(area.h, fontSize), area.w, fontSize, measure);
  const top = centredTop(area, lines.length, fontSize);
  return lines.length === 0 ? '' : textBlock(lines, { x: area.x + area.w / 2, top, fontSize, fill: TEXT_ON_PALE, anchor: 'middle' });
}

function group(type: Shape['type'], content: string): string {
  return element('g', { 'data-type': type }, content);
}

function paintSticky(shape: ShapeOf<'sticky'>, { measure }: PaintContext): ShapePaint {
  const card = element('rect', {
    x: shape.x,
    y: shape.y,
    width: shape.w,
    height: shape.h,
    rx: STICKY_RADIUS,
    fill: STICKY_FILLS[shape.color],
    stroke: '#000',
    'stroke-opacity': 0.12,
  });
  const text = centredText(shape.text, stickyTextArea(shape), STICKY_FONT_SIZE, measure);
  return { markup: group('sticky', card + text), bounds: expand(shape, 0.5) };
}

function paintText(shape: ShapeOf<'text'>, { measure }: PaintContext): ShapePaint | null {
  const fill = INK[shape.color];
  if (fill === null || shape.text.trim() === '') return null;
  const lines = wrapText(shape.text, shape.w, shape.fontSize, measure);
  const height = lines.length * shape.fontSize * LINE_HEIGHT;
  // A text shape grows with its text rather than cutting it, so all of it is exported.
  return {
    markup: group('text', textBlock(lines, { x: shape.x, top: shape.y, fontSize: shape.fontSize, fill })),
    bounds: union(shape, { ...shape, h: height }),
  };
}

function outline(shape: GeometricShape, paint: { fill: string; stroke: string; 'stroke-width': number }): string {
  const { x, y, w, h } = shape;
  if (shape.type === 'ellipse') return element('ellipse', { cx: x + w / 2, cy: y + h / 2, rx: w / 2, ry: h / 2, ...paint });
  if (shape.type === 'diamond') {
    const corners = [
      [x + w / 2, y],
      [x + w, y + h / 2],
      [x + w / 2, y + h],
      [x, y + h / 2],
    ] as const;
    return element('polygon', { points: corners.map(([px, py]) => `${num(px)},${num(py)}`).join(' '), ...paint });
  }
  return element('rect', { x, y, width: w, height: h, ...paint });
}

function paintGeometric(shape: GeometricShape, { measure }: PaintContext): ShapePaint {
  const paint = { fill: INK_TINTS[shape.fill] ?? 'none', stroke: INK[shape.stroke] ?? 'none', 'stroke-width': STROKE_WIDTH };
  const text = centredText(shape.text, shapeTextArea(shape), SHAPE_FONT_SIZE, measure);
  return { markup: group(shape.type, outline(shape, paint) + text), bounds: expand(shape, STROKE_WIDTH / 2) };
}

function arrowMarkerId(color: InkColor): string {
  return `fleche-${color}`;
}

/** One arrowhead per ink, used at both ends: `auto-start-reverse` turns it round at the start. */
export function arrowMarker(color: InkColor): string {
  const head = element('path', { d: 'M0,0 L10,5 L0,10 Z', fill: INK[color] ?? 'none' });
  return element(
    'marker',
    { id: arrowMarkerId(color), viewBox: '0 0 10 10', refX: 8, refY: 5, markerWidth: 5, markerHeight: 5, orient: 'auto-start-reverse' },
    head,
  );
}

function connectorLabel(text: string, centre: { x: number; y: number }, measure: Measure): ShapePaint | null {
  if (text.trim() === '') return null;
  const wrapped = wrapText(text, LABEL_MAX_WIDTH, LABEL_FONT_SIZE, measure);
  const lines = fitLines(wrapped, LABEL_MAX_LINES, LABEL_MAX_WIDTH, LABEL_FONT_SIZE, measure);
  const width = Math.max(...lines.map((line) => measure(line, LABEL_FONT_SIZE)));
  const height = lines.length * LABEL_FONT_SIZE * LINE_HEIGHT;
  const box = expand({ x: centre.x - width / 2, y: centre.y - height / 2, w: width, h: height }, LABEL_PADDING);
  const backdrop = element('rect', { x: box.x, y: box.y, width: box.w, height: box.h, rx: 3, fill: BOARD_CHROME.background });
  const label = textBlock(lines, { x: centre.x, top: centre.y - height / 2, fontSize: LABEL_FONT_SIZE, fill: TEXT_ON_PALE, anchor: 'middle' });
  return { markup: backdrop + label, bounds: box };
}

function paintConnector(shape: ShapeOf<'connector'>, { lookup, measure }: PaintContext): ShapePaint | null {
  const { start, end } = connectorEnds(shape, lookup);
  const ink = INK[shape.stroke];
  const marker = `url(#${arrowMarkerId(shape.stroke)})`;
  const line =
    ink === null
      ? ''
      : element('line', {
          x1: start.x,
          y1: start.y,
          x2: end.x,
          y2: end.y,
          stroke: ink,
          'stroke-width': STROKE_WIDTH,
          'stroke-linecap': 'round',
          'marker-start': shape.arrowStart ? marker : null,
          'marker-end': shape.arrowEnd ? marker : null,
        });
  const label = connectorLabel(shape.text, { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 }, measure);
  if (line === '' && label === null) return null;
  const lineBounds = expand(bounds([start, end]) as Box, ARROW_LENGTH);
  return { markup: group('connector', line + (label?.markup ?? '')), bounds: label ? union(lineBounds, label.bounds) : lineBounds };
}

function paintDraw(shape: ShapeOf<'draw'>): ShapePaint | null {
  const ink = INK[shape.stroke];
  const stroke = freehandOutline(shape);
  if (ink === null || stroke.bounds === null || stroke.d === '') return null;
  return { markup: group('draw', element('path', { d: stroke.d, fill: ink })), bounds: stroke.bounds };
}

function paintFrame(shape: ShapeOf<'frame'>, { measure }: PaintContext): ShapePaint {
  const { x, y, w, h } = shape;
  const barHeight = Math.min(FRAME_TITLE_HEIGHT, h);
  const body = element('rect', { x, y, width: w, height: h, fill: BOARD_CHROME.frameFill, stroke: BOARD_CHROME.frameBorder, 'stroke-width': 1 });
  const bar = element('rect', { x, y, width: w, height: barHeight, fill: BOARD_CHROME.frameTitleBar });
  const title = truncateLine(shape.title.trim(), w - 2 * FRAME_TITLE_INSET, FRAME_TITLE_SIZE, measure, true);
  const titleTop = y + (barHeight - FRAME_TITLE_SIZE * LINE_HEIGHT) / 2;
  const heading =
    title === '' ? '' : textBlock([title], { x: x + FRAME_TITLE_INSET, top: titleTop, fontSize: FRAME_TITLE_SIZE, fill: BOARD_CHROME.frameTitle, bold: true });
  return { markup: group('frame', body + bar + heading), bounds: expand(shape, 0.5) };
}

function paintImage(shape: ShapeOf<'image'>, { imageHref }: PaintContext): ShapePaint {
  const href = imageHref(shape.asset);
  const description = shape.alt.trim() === '' ? undefined : element('title', {}, escapeXml(shape.alt));
  const box = { x: shape.x, y: shape.y, width: shape.w, height: shape.h };
  const picture =
    href === null
      ? element('rect', { ...box, fill: BOARD_CHROME.missingImage, stroke: BOARD_CHROME.frameBorder, 'stroke-dasharray': '6 4' }, description)
      : element('image', { ...box, href, preserveAspectRatio: 'xMidYMid meet' }, description);
  return { markup: group('image', picture), bounds: { x: shape.x, y: shape.y, w: shape.w, h: shape.h } };
}

/** The shape's markup, or `null` when nothing of it shows (an ink of « aucun », an empty text). */
export function paintShape(shape: Shape, context: PaintContext): ShapePaint | null {
  switch (shape.type) {
    case 'sticky':
      return paintSticky(shape, context);
    case 'text':
      return paintText(shape, context);
    case 'rect':
    case 'ellipse':
    case 'diamond':
      return paintGeometric(shape, context);
    case 'connector':
      return paintConnector(shape, context);
    case 'draw':
      return paintDraw(shape);
    case 'frame':
      return paintFrame(shape, context);
    case 'image':
      return paintImage(shape, context);
  }
}
