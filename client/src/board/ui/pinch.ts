import type { Point } from '../engine/geometry/math.ts';

export interface PinchStep {
  /** How much the fingers spread (above 1) or closed. */
  readonly factor: number;
  /** The point between the fingers before the step, where the zoom is centred. */
  readonly centre: Point;
  /** How far that point moved, in screen pixels: two fingers also pan. */
  readonly pan: Point;
}

const midpoint = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

/** One move of a two-finger gesture, from the fingers' positions before and after it. */
export function pinchStep(before: readonly [Point, Point], after: readonly [Point, Point]): PinchStep {
  const spreadBefore = Math.hypot(before[1].x - before[0].x, before[1].y - before[0].y);
  const spreadAfter = Math.hypot(after[1].x - after[0].x, after[1].y - after[0].y);
  const centre = midpoint(...before);
  const moved = midpoint(...after);
  return { factor: spreadBefore === 0 ? 1 : spreadAfter / spreadBefore, centre, pan: { x: moved.x - centre.x, y: moved.y - centre.y } };
}
