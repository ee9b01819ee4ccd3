import type { Shape } from '../shape-model.ts';
import { boxesIntersect, boxContainsPoint, expandBox, type Box, type Point } from './math.ts';

/** Finds another shape of the board: connectors need the shapes their ends are glued to. */
export type ShapeLookup = (id: string) => Shape | undefined;

/** What the engine needs to know about the space one shape type occupies. */
export interface ShapeGeometry<S extends Shape> {
  /** The box culling and the spatial index use: everything drawn for the shape lies inside it. */
  bounds(shape: S): Box;
  /** Whether a click at `point` (world units) lands on the shape, `tolerance` world units away at most. */
  hitTest(shape: S, point: Point, tolerance: number, lookup: ShapeLookup): boolean;
  /** Whether the shape's drawing touches `rect` (a marquee that selects what it touches). */
  intersectsRect(shape: S, rect: Box, lookup: ShapeLookup): boolean;
}

/** The bare box of a shape (or of anything with one), without its other fields. */
export function boxOf(shape: Box): Box {
  return { x: shape.x, y: shape.y, w: shape.w, h: shape.h };
}

/** Stickies, text, images, rectangles: opaque boxes, hit anywhere inside. */
export function filledBoxGeometry<S extends Shape>(): ShapeGeometry<S> {
  return {
    bounds: boxOf,
    hitTest: (shape, point, tolerance) => boxContainsPoint(expandBox(boxOf(shape), tolerance), point),
    intersectsRect: (shape, rect) => boxesIntersect(boxOf(shape), rect),
  };
}
