/**
 * Rectangles, ellipses and diamonds differ only by their outline: the fill, the stroke and the
 * centred label are painted the same way, so each shape's module gives its outline to this.
 */
import { boxOf } from '../../engine/geometry/shape-geometry.ts';
import { expandBox, type Box } from '../../engine/geometry/math.ts';
import { INK, INK_TINTS, TEXT_ON_PALE } from '../../palette.ts';
import { estimatedLineCount } from '../text-layout.ts';
import { STROKE_WIDTH } from '../../shapes/shape-style.ts';
import { centredTop, linesThatFit, SHAPE_FONT_SIZE, shapeTextArea, type GeometricShape } from '../../text/text-style.ts';
import type { Context2D } from '../tile-cache.ts';
import type { Painter } from './painter.ts';
import { drawCentredLines, drawLinePlaceholders } from './text-block.ts';

/** Adds the shape's closed outline to the current path. */
export type TraceOutline = (context: Context2D, box: Box) => void;

export function geometricPainter<S extends GeometricShape>(trace: TraceOutline): Painter<S> {
  return {
    paint(context, shape, env) {
      const fill = INK_TINTS[shape.fill];
      const stroke = INK[shape.stroke];
      context.beginPath();
      trace(context, shape);
      if (fill !== null) {
        context.fillStyle = fill;
        context.fill();
      }
      if (stroke !== null) {
        context.strokeStyle = stroke;
        context.lineWidth = Math.max(STROKE_WIDTH, env.pixel);
        context.lineJoin = 'round';
        context.stroke();
      }
      const area = shapeTextArea(shape);
      if (env.lod === 'full') {
        drawCentredLines(context, env.text.lines(shape.id, shape.text, area.w, area.h, SHAPE_FONT_SIZE), area, SHAPE_FONT_SIZE, TEXT_ON_PALE);
        return;
      }
      const count = Math.min(linesThatFit(area.h, SHAPE_FONT_SIZE), estimatedLineCount(shape.text, area.w, SHAPE_FONT_SIZE));
      drawLinePlaceholders(context, count, area, centredTop(area, count, SHAPE_FONT_SIZE), SHAPE_FONT_SIZE, true);
    },
    // Filled as the shape is, else outlined like an unfilled one.
    far(shape) {
      const fill = INK_TINTS[shape.fill];
      const stroke = INK[shape.stroke];
      if (fill !== null) return [{ kind: 'fill', color: fill, box: shape }];
      return stroke === null ? [] : [{ kind: 'outline', color: stroke, width: STROKE_WIDTH, box: shape }];
    },
    bounds: (shape) => expandBox(boxOf(shape), STROKE_WIDTH / 2 + 1),
  };
}
