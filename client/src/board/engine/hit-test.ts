import { boxContainsBox, expandBox, type Box, type Point } from './geometry/math.ts';
import { hitTestShape, shapeBounds, shapeIntersectsRect } from './geometry/registry.ts';
import type { Scene } from './scene.ts';
import type { Shape } from './shape-model.ts';
import { compareZ } from './z-order.ts';

const topmostFirst = (a: Shape, b: Shape) => compareZ(b, a);

/**
 * Every shape under `point`, topmost first, locked ones included: a click goes through locked
 * shapes, but a context menu lists them so that they can be unlocked.
 */
export function shapesAt(scene: Scene, point: Point, tolerance: number): Shape[] {
  return scene
    .candidates(expandBox({ ...point, w: 0, h: 0 }, tolerance))
    .filter((shape) => hitTestShape(shape, point, tolerance, scene.lookup))
    .sort(topmostFirst);
}

/** The shape a click selects: the topmost unlocked one under `point` that `accept` lets through. */
export function topShapeAt(scene: Scene, point: Point, tolerance: number, accept: (shape: Shape) => boolean = () => true): Shape | null {
  return shapesAt(scene, point, tolerance).find((shape) => !shape.locked && accept(shape)) ?? null;
}

/**
 * `contain` (the default marquee, as in Miro and tldraw) takes the shapes wholly inside the
 * rectangle; `touch` (Alt held) every shape the rectangle touches, by its drawing, not its box.
 */
export type MarqueeMode = 'contain' | 'touch';

/** The unlocked shapes a marquee selects, bottom to top. */
export function shapesInMarquee(scene: Scene, rect: Box, mode: MarqueeMode): Shape[] {
  const selects =
    mode === 'contain'
      ? (shape: Shape) => boxContainsBox(rect, shapeBounds(shape))
      : (shape: Shape) => shapeIntersectsRect(shape, rect, scene.lookup);
  return scene
    .candidates(rect)
    .filter((shape) => !shape.locked && selects(shape))
    .sort(compareZ);
}
