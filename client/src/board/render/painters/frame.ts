import { FRAME_TITLE_HEIGHT } from '../../engine/geometry/frame.ts';
import { boxOf } from '../../engine/geometry/shape-geometry.ts';
import { expandBox } from '../../engine/geometry/math.ts';
import type { Frame } from '../../engine/shape-model.ts';
import { BOARD_CHROME } from '../../palette.ts';
import { FRAME_TITLE_INSET, FRAME_TITLE_SIZE, LINE_HEIGHT } from '../../text/text-style.ts';
import { truncateLine } from '../../text/wrap-text.ts';
import type { Painter } from './painter.ts';
import { drawLines } from './text-block.ts';

/** A titled section: a white sheet under its content, its title in a bar across the top. */
export const framePainter: Painter<Frame> = {
  paint(context, shape, env) {
    const { x, y, w, h } = shape;
    context.fillStyle = BOARD_CHROME.frameFill;
    context.fillRect(x, y, w, h);
    context.strokeStyle = BOARD_CHROME.frameBorder;
    context.lineWidth = env.pixel;
    context.strokeRect(x, y, w, h);
    const barHeight = Math.min(FRAME_TITLE_HEIGHT, h);
    context.fillStyle = BOARD_CHROME.frameTitleBar;
    context.fillRect(x, y, w, barHeight);
    if (env.lod !== 'full') return;
    const title = truncateLine(shape.title.trim(), w - 2 * FRAME_TITLE_INSET, FRAME_TITLE_SIZE, env.text.measure, true);
    const top = y + (barHeight - FRAME_TITLE_SIZE * LINE_HEIGHT) / 2;
    drawLines(context, [title], x + FRAME_TITLE_INSET, top, { fontSize: FRAME_TITLE_SIZE, color: BOARD_CHROME.frameTitle, align: 'start', bold: true });
  },
  far: (shape) => [
    { kind: 'fill', color: BOARD_CHROME.frameFill, box: shape },
    { kind: 'outline', color: BOARD_CHROME.frameBorder, width: 0, box: shape },
  ],
  bounds: (shape) => expandBox(boxOf(shape), 1),
};
