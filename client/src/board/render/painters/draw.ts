import { boxOf } from '../../engine/geometry/shape-geometry.ts';
import { expandBox } from '../../engine/geometry/math.ts';
import type { ShapeOf } from '../../engine/shape-model.ts';
import { limitPoints } from '../../engine/tools/pen.ts';
import { INK } from '../../palette.ts';
import { freehandOutline } from '../../shapes/freehand-outline.ts';
import type { Painter } from './painter.ts';

type Draw = ShapeOf<'draw'>;
type StrokePoints = Draw['points'];

/** Points kept per stroke when zoomed far out: a few straight segments show its general direction. */
const FAR_POINTS = 8;

/**
 * Smoothed outlines, built once per stroke and revision: the shape's points array is replaced
 * whenever the stroke changes, so it keys the cache (and lets a deleted stroke's path go). The
 * outline is relative to the stroke's box, so moving it costs nothing.
 */
const outlines = new WeakMap<StrokePoints, { thickness: number; path: Path2D }>();

function outlineOf(shape: Draw): Path2D {
  const cached = outlines.get(shape.points);
  if (cached !== undefined && cached.thickness === shape.thickness) return cached.path;
  const path = new Path2D(freehandOutline({ ...shape, x: 0, y: 0 }).d);
  outlines.set(shape.points, { thickness: shape.thickness, path });
  return path;
}

export const drawPainter: Painter<Draw> = {
  paint(context, shape, env) {
    const ink = INK[shape.stroke];
    if (ink === null) return;
    if (env.lod !== 'full') {
      // Zoomed out, a stroke is a pixel or two wide: its centre line will do, without the smoothed outline.
      const [first, ...rest] = shape.points;
      if (first === undefined) return;
      context.strokeStyle = ink;
      context.lineWidth = Math.max(shape.thickness, env.pixel);
      context.lineCap = 'round';
      context.lineJoin = 'round';
      context.beginPath();
      context.moveTo(shape.x + first[0], shape.y + first[1]);
      for (const [px, py] of rest) context.lineTo(shape.x + px, shape.y + py);
      context.stroke();
      return;
    }
    context.save();
    context.translate(shape.x, shape.y);
    context.fillStyle = ink;
    context.fill(outlineOf(shape));
    context.restore();
  },
  far(shape) {
    const ink = INK[shape.stroke];
    const points = limitPoints(shape.points, FAR_POINTS).map(([px, py]) => ({ x: shape.x + px, y: shape.y + py }));
    return ink === null ? [] : [{ kind: 'line', color: ink, width: shape.thickness, points }];
  },
  // Pressure may widen the outline to three quarters of the thickness on each side of the line.
  bounds: (shape) => expandBox(boxOf(shape), shape.thickness + 1),
};
