import type { ShapeOf } from '../shape-model.ts';
import { distanceToPolyline, expandBox, polylineIntersectsBox, type Box, type Point } from './math.ts';
import { boxOf, type ShapeGeometry } from './shape-geometry.ts';

type Draw = ShapeOf<'draw'>;

/** The stroke's points in world units (they are stored relative to the box's top-left corner). */
export function drawPoints(shape: Draw): Point[] {
  return shape.points.map(([px, py]) => ({ x: shape.x + px, y: shape.y + py }));
}

export const drawGeometry: ShapeGeometry<Draw> = {
  // The stroke's thickness spills half outside the box of its centre line.
  bounds: (shape) => expandBox(boxOf(shape), shape.thickness / 2),
  hitTest: (shape, point, tolerance) => distanceToPolyline(point, drawPoints(shape)) <= tolerance + shape.thickness / 2,
  intersectsRect: (shape, rect: Box) => polylineIntersectsBox(drawPoints(shape), expandBox(rect, shape.thickness / 2)),
};
