import { boxCenter, DIRECTION_VECTORS, type Box, type Direction } from './geometry/math.ts';
import { boxOf } from './geometry/shape-geometry.ts';
import type { Shape } from './shape-model.ts';

/**
 * Keyboard users move between shapes with Alt+arrows: the next shape is the nearest one whose
 * centre lies that way, sideways distance counting double so that focus goes along a row or a
 * column rather than jumping diagonally.
 */
export function nextInDirection(from: Box, candidates: Iterable<Shape>, direction: Direction): Shape | null {
  const origin = boxCenter(from);
  const axis = DIRECTION_VECTORS[direction];
  let best: Shape | null = null;
  let bestScore = Infinity;
  for (const shape of candidates) {
    const centre = boxCenter(boxOf(shape));
    const dx = centre.x - origin.x;
    const dy = centre.y - origin.y;
    const along = dx * axis.x + dy * axis.y;
    if (along <= 0) continue;
    const across = Math.abs(dx * axis.y - dy * axis.x);
    const score = along + 2 * across;
    if (score < bestScore) {
      best = shape;
      bestScore = score;
    }
  }
  return best;
}

/** Where keyboard focus starts when nothing is selected: the shape read first, top-left. */
export function firstInReadingOrder(shapes: Iterable<Shape>): Shape | null {
  let first: Shape | null = null;
  for (const shape of shapes) {
    if (first === null || shape.y < first.y || (shape.y === first.y && shape.x < first.x)) first = shape;
  }
  return first;
}
