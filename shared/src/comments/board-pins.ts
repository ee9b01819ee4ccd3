/**
 * Where a board comment's pin is: the one rule the canvas draws and clicks by, the panel marks
 * deleted items by, and the server checks new anchors against. Pure: the caller gives the shape as
 * it is now (live, mid-drag included), so a pin follows its item whoever moves it.
 */
import type { Box, Point } from '../board/geometry.ts';
import type { BoardAnchor } from './anchor.ts';

/**
 * How far outside its item a pin may be placed, in world units: a click hits a shape a few screen
 * pixels beyond its outline (more world units when zoomed out), and an arrow's box can be flat.
 */
export const PIN_OFF_ITEM_MARGIN = 200;

export interface PinPlace {
  /** World units. */
  readonly point: Point;
  /** The item it was pinned on is gone: the pin stays where it was last seen, marked. */
  readonly orphaned: boolean;
}

/**
 * Where the pin of `anchor` is now. `shape` is the pinned item's current box (undefined once it is
 * deleted); `lastSeen` where this reader last saw the pin on it, better than where it was created.
 */
export function pinPlace(anchor: BoardAnchor, shape: Box | undefined, lastSeen?: Point): PinPlace {
  if (anchor.shapeId === null) return { point: anchor.point, orphaned: false };
  if (shape !== undefined) return { point: { x: shape.x + anchor.point.x, y: shape.y + anchor.point.y }, orphaned: false };
  return { point: lastSeen ?? anchor.placed ?? anchor.point, orphaned: true };
}

/** The anchor of a pin put at `world`: on `shape` (relative to its box, so that it follows it) or on the canvas. */
export function boardAnchorAt(world: Point, shape: (Box & { readonly id: string }) | null): BoardAnchor {
  if (shape === null) return { kind: 'board', shapeId: null, point: { x: world.x, y: world.y } };
  return { kind: 'board', shapeId: shape.id, point: { x: world.x - shape.x, y: world.y - shape.y }, placed: { x: world.x, y: world.y } };
}

/** Whether a pin's offset lies on (or just beside) the item it names. */
export function offsetFitsItem(offset: Point, shape: Box): boolean {
  const margin = PIN_OFF_ITEM_MARGIN;
  return offset.x >= -margin && offset.y >= -margin && offset.x <= shape.w + margin && offset.y <= shape.h + margin;
}
