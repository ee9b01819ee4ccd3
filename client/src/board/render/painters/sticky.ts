import type { Sticky } from '../../engine/shape-model.ts';
import { boxOf } from '../../engine/geometry/shape-geometry.ts';
import { expandBox } from '../../engine/geometry/math.ts';
import { STICKY_FILLS, TEXT_ON_PALE } from '../../palette.ts';
import { estimatedLineCount } from '../text-layout.ts';
import { STICKY_RADIUS } from '../../shapes/shape-style.ts';
import { centredTop, linesThatFit, STICKY_FONT_SIZE, stickyTextArea } from '../../text/text-style.ts';
import type { Painter } from './painter.ts';
import { drawCentredLines, drawLinePlaceholders } from './text-block.ts';

/** The drop shadow under a note, in world units: a hint of paper, without the cost of a blur. */
const SHADOW_OFFSET = 2;

/** A paper note: no author shown on the board (the list view and votes name them). */
export const stickyPainter: Painter<Sticky> = {
  paint(context, shape, env) {
    context.fillStyle = 'rgba(16, 24, 40, 0.08)';
    context.fillRect(shape.x, shape.y + SHADOW_OFFSET, shape.w, shape.h);
    context.beginPath();
    context.roundRect(shape.x, shape.y, shape.w, shape.h, STICKY_RADIUS);
    context.fillStyle = STICKY_FILLS[shape.color];
    context.fill();
    context.strokeStyle = 'rgba(0, 0, 0, 0.12)';
    context.lineWidth = Math.max(1, env.pixel);
    context.stroke();
    const area = stickyTextArea(shape);
    if (env.lod === 'full') {
      drawCentredLines(context, env.text.lines(shape.id, shape.text, area.w, area.h, STICKY_FONT_SIZE), area, STICKY_FONT_SIZE, TEXT_ON_PALE);
      return;
    }
    const count = Math.min(linesThatFit(area.h, STICKY_FONT_SIZE), estimatedLineCount(shape.text, area.w, STICKY_FONT_SIZE));
    drawLinePlaceholders(context, count, area, centredTop(area, count, STICKY_FONT_SIZE), STICKY_FONT_SIZE, true);
  },
  far: (shape) => [{ kind: 'fill', color: STICKY_FILLS[shape.color], box: shape }],
  bounds: (shape) => expandBox(boxOf(shape), SHADOW_OFFSET + 1),
};
