import type { ShapeOf } from '../shape-model.ts';
import { boxCenter, distanceToPolyline, polylineIntersectsBox, type Box, type Point } from './math.ts';
import { boxOf, type ShapeGeometry } from './shape-geometry.ts';

type Diamond = ShapeOf<'diamond'>;

/** Top, right, bottom, left, and top again: the closed outline of the diamond inscribed in the box. */
export function diamondOutline(box: Box): Point[] {
  const { x: cx, y: cy } = boxCenter(box);
  const top = { x: cx, y: box.y };
  return [top, { x: box.x + box.w, y: cy }, { x: cx, y: box.y + box.h }, { x: box.x, y: cy }, top];
}

export function pointInDiamond(box: Box, point: Point): boolean {
  const a = box.w / 2;
  const b = box.h / 2;
  if (a === 0 || b === 0) return false;
  const c = boxCenter(box);
  return Math.abs(point.x - c.x) / a + Math.abs(point.y - c.y) / b <= 1;
}

export const diamondGeometry: ShapeGeometry<Diamond> = {
  bounds: boxOf,
  hitTest: (shape, point, tolerance) => {
    const box = boxOf(shape);
    return pointInDiamond(box, point) || distanceToPolyline(point, diamondOutline(box)) <= tolerance;
  },
  // Either the outline crosses the rectangle, or the rectangle lies wholly inside the diamond.
  intersectsRect: (shape, rect) => {
    const box = boxOf(shape);
    return polylineIntersectsBox(diamondOutline(box), rect) || pointInDiamond(box, boxCenter(rect));
  },
};

