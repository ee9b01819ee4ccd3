import type { Frame } from '../shape-model.ts';
import { boxContainsBox, boxContainsPoint, boxesIntersect, expandBox, type Box, type Point } from './math.ts';
import { boxOf, type ShapeGeometry } from './shape-geometry.ts';

/** Height of the title bar drawn inside the top of a frame, in world units. */
export const FRAME_TITLE_HEIGHT = 32;

/** The empty inside of a frame, below its title bar: clicks there reach the canvas, not the frame. */
export function frameInterior(frame: Box): Box {
  const title = Math.min(FRAME_TITLE_HEIGHT, frame.h);
  return { x: frame.x, y: frame.y + title, w: frame.w, h: frame.h - title };
}

/** Hit on the title bar and within `tolerance` of the border, never in the empty inside. */
export function hitFrame(frame: Box, point: Point, tolerance: number): boolean {
  if (!boxContainsPoint(expandBox(frame, tolerance), point)) return false;
  const inside = frameInterior(frame);
  const awayFromBorder =
    point.x > inside.x + tolerance &&
    point.x < inside.x + inside.w - tolerance &&
    point.y > inside.y &&
    point.y < inside.y + inside.h - tolerance;
  return !awayFromBorder;
}

export const frameGeometry: ShapeGeometry<Frame> = {
  bounds: boxOf,
  hitTest: (shape, point, tolerance) => hitFrame(boxOf(shape), point, tolerance),
  intersectsRect: (shape, rect) => {
    const box = boxOf(shape);
    return boxesIntersect(box, rect) && !boxContainsBox(frameInterior(box), rect);
  },
};
