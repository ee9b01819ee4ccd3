import type { ShapeOf } from '../../engine/shape-model.ts';
import { boxOf } from '../../engine/geometry/shape-geometry.ts';
import { expandBox, unionOfBoxes, type Box } from '../../engine/geometry/math.ts';
import { INK } from '../../palette.ts';
import { LINE_HEIGHT } from '../../text/text-style.ts';
import { estimatedLineCount, type TextLayouts } from '../text-layout.ts';
import type { Painter } from './painter.ts';
import { drawLines, drawLinePlaceholders } from './text-block.ts';

type TextShape = ShapeOf<'text'>;

/** A block of text seen from far: the grey of text set on white. */
const TEXT_FROM_FAR = '#c6cbcc';

/** A text shape grows with its text rather than cutting it (as in the exports). */
function layout(shape: TextShape, text: TextLayouts): readonly string[] {
  return text.lines(shape.id, shape.text, shape.w, Infinity, shape.fontSize);
}

export const textPainter: Painter<TextShape> = {
  paint(context, shape, env) {
    const ink = INK[shape.color];
    if (ink === null) return;
    if (env.lod === 'full') {
      drawLines(context, layout(shape, env.text), shape.x, shape.y, { fontSize: shape.fontSize, color: ink, align: 'start' });
      return;
    }
    drawLinePlaceholders(context, estimatedLineCount(shape.text, shape.w, shape.fontSize), shape, shape.y, shape.fontSize, false);
  },
  far(shape) {
    const height = estimatedLineCount(shape.text, shape.w, shape.fontSize) * shape.fontSize * LINE_HEIGHT;
    return INK[shape.color] === null ? [] : [{ kind: 'fill', color: TEXT_FROM_FAR, box: { ...boxOf(shape), h: Math.max(shape.h, height) } }];
  },
  bounds(shape, env): Box {
    const height = layout(shape, env.text).length * shape.fontSize * LINE_HEIGHT;
    // Descenders and italics may reach a little past the line box.
    return expandBox(unionOfBoxes([boxOf(shape), { ...boxOf(shape), h: height }]) ?? boxOf(shape), 2);
  },
};
