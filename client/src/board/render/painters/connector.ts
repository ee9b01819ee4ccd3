import { connectorEnds } from '../../engine/geometry/connector.ts';
import { boxFromPoints, expandBox, unionOfBoxes, type Box, type Point } from '../../engine/geometry/math.ts';
import type { Connector } from '../../engine/shape-model.ts';
import { BOARD_CHROME, INK, TEXT_ON_PALE } from '../../palette.ts';
import { ARROW_LENGTH, STROKE_WIDTH } from '../../shapes/shape-style.ts';
import { insetBox, LABEL_FONT_SIZE, LABEL_MAX_LINES, LABEL_MAX_WIDTH, LABEL_PADDING, LINE_HEIGHT } from '../../text/text-style.ts';
import type { Context2D } from '../tile-cache.ts';
import type { BoundsEnv, Painter } from './painter.ts';
import { drawCentredLines } from './text-block.ts';

/** Half the width of an arrowhead's base, relative to its length. */
const ARROW_SPREAD = 0.45;

/** The three corners of an arrowhead pointing at `tip`, coming from `from`; none for a zero-length line. */
export function arrowHead(tip: Point, from: Point, length = ARROW_LENGTH): [Point, Point, Point] | null {
  const dx = tip.x - from.x;
  const dy = tip.y - from.y;
  const distance = Math.hypot(dx, dy);
  if (distance === 0) return null;
  const ux = dx / distance;
  const uy = dy / distance;
  const base = { x: tip.x - ux * length, y: tip.y - uy * length };
  const spread = length * ARROW_SPREAD;
  return [tip, { x: base.x - uy * spread, y: base.y + ux * spread }, { x: base.x + uy * spread, y: base.y - ux * spread }];
}

function fillArrowHead(context: Context2D, tip: Point, from: Point): void {
  const head = arrowHead(tip, from);
  if (head === null) return;
  context.beginPath();
  context.moveTo(head[0].x, head[0].y);
  context.lineTo(head[1].x, head[1].y);
  context.lineTo(head[2].x, head[2].y);
  context.closePath();
  context.fill();
}

interface Label {
  readonly lines: readonly string[];
  /** The white backdrop, text centred in it less the padding. */
  readonly box: Box;
}

function label(shape: Connector, start: Point, end: Point, env: BoundsEnv): Label | null {
  const lines = env.text.lines(shape.id, shape.text, LABEL_MAX_WIDTH, LABEL_MAX_LINES * LABEL_FONT_SIZE * LINE_HEIGHT, LABEL_FONT_SIZE);
  if (lines.length === 0) return null;
  const width = Math.max(...lines.map((line) => env.text.measure(line, LABEL_FONT_SIZE)));
  const height = lines.length * LABEL_FONT_SIZE * LINE_HEIGHT;
  const centre = { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 };
  return { lines, box: expandBox({ x: centre.x - width / 2, y: centre.y - height / 2, w: width, h: height }, LABEL_PADDING) };
}

/** A straight arrow between its two ends, wherever the shapes it is glued to are shown. */
export const connectorPainter: Painter<Connector> = {
  paint(context, shape, env) {
    const [start, end] = connectorEnds(shape, env.lookup);
    const ink = INK[shape.stroke];
    if (ink !== null) {
      context.strokeStyle = ink;
      context.fillStyle = ink;
      context.lineWidth = Math.max(STROKE_WIDTH, env.pixel);
      context.lineCap = 'round';
      context.beginPath();
      context.moveTo(start.x, start.y);
      context.lineTo(end.x, end.y);
      context.stroke();
      if (shape.arrowEnd) fillArrowHead(context, end, start);
      if (shape.arrowStart) fillArrowHead(context, start, end);
    }
    if (env.lod !== 'full') return;
    const text = label(shape, start, end, env);
    if (text === null) return;
    context.fillStyle = BOARD_CHROME.background;
    context.beginPath();
    context.roundRect(text.box.x, text.box.y, text.box.w, text.box.h, 3);
    context.fill();
    drawCentredLines(context, text.lines, insetBox(text.box, LABEL_PADDING), LABEL_FONT_SIZE, TEXT_ON_PALE);
  },
  far(shape, env) {
    const ink = INK[shape.stroke];
    return ink === null ? [] : [{ kind: 'line', color: ink, width: STROKE_WIDTH, points: connectorEnds(shape, env.lookup) }];
  },
  bounds(shape, env) {
    const [start, end] = connectorEnds(shape, env.lookup);
    const line = expandBox(boxFromPoints(start, end), ARROW_LENGTH + STROKE_WIDTH);
    const text = label(shape, start, end, env);
    return text === null ? line : (unionOfBoxes([line, text.box]) ?? line);
  },
};
