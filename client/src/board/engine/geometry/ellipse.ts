import type { ShapeOf } from '../shape-model.ts';
import { boxesIntersect, segmentIntersectsBox, type Box, type Point } from './math.ts';
import { boxOf, type ShapeGeometry } from './shape-geometry.ts';

type Ellipse = ShapeOf<'ellipse'>;

/** Inside the ellipse inscribed in the box, its radii grown by the tolerance. */
export function pointInEllipse(box: Box, point: Point, tolerance: number): boolean {
  const a = box.w / 2 + tolerance;
  const b = box.h / 2 + tolerance;
  if (a <= 0 || b <= 0) return false;
  const dx = (point.x - (box.x + box.w / 2)) / a;
  const dy = (point.y - (box.y + box.h / 2)) / b;
  return dx * dx + dy * dy <= 1;
}

/**
 * Scaling the plane by 1/a and 1/b turns the ellipse into the unit circle and keeps the rectangle
 * axis-aligned, so the test is: is the rectangle's point nearest to the centre inside the circle?
 */
export function ellipseIntersectsBox(box: Box, rect: Box): boolean {
  if (!boxesIntersect(box, rect)) return false;
  const a = box.w / 2;
  const b = box.h / 2;
  const cx = box.x + a;
  const cy = box.y + b;
  // A flat ellipse is drawn as a line.
  if (a === 0 || b === 0) return segmentIntersectsBox({ x: box.x, y: box.y }, { x: box.x + box.w, y: box.y + box.h }, rect);
  const nearestX = Math.max(rect.x, Math.min(cx, rect.x + rect.w));
  const nearestY = Math.max(rect.y, Math.min(cy, rect.y + rect.h));
  const dx = (nearestX - cx) / a;
  const dy = (nearestY - cy) / b;
  return dx * dx + dy * dy <= 1;
}

export const ellipseGeometry: ShapeGeometry<Ellipse> = {
  bounds: boxOf,
  hitTest: (shape, point, tolerance) => pointInEllipse(boxOf(shape), point, tolerance),
  intersectsRect: (shape, rect) => ellipseIntersectsBox(boxOf(shape), rect),
};
