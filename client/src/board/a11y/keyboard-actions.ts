import type { NewShape, ShapeChanges, ShapePatch } from '../engine/board-document.ts';
import { anchorPoint, connectorBox, nearestAnchor } from '../engine/geometry/connector.ts';
import { boxCenter, DIRECTION_VECTORS, unionOfBoxes, type Point } from '../engine/geometry/math.ts';
import { boxOf } from '../engine/geometry/shape-geometry.ts';
import type { Endpoint, Shape, ShapeType } from '../engine/shape-model.ts';
import type { KeyInput } from '../engine/shortcuts.ts';
import type { ToolId } from '../engine/tools/tool.ts';
import { MIN_RESIZE_SIZE, scaleShapes } from '../engine/transform.ts';
import { inReadingOrder } from './reading-order.ts';

/**
 * Pure parts of the keyboard flows that the canvas shortcuts lack: placing a shape without a
 * pointer, resizing the selection, and joining two shapes with an arrow.
 */

/** Tools whose click places a shape, and so can place one at the view centre on Enter. */
export type PlaceableTool = Extract<ToolId, ShapeType>;
export const PLACEABLE_TOOLS: readonly PlaceableTool[] = ['sticky', 'text', 'rect', 'ellipse', 'diamond', 'frame'];

export function isPlaceableTool(tool: ToolId): tool is PlaceableTool {
  return (PLACEABLE_TOOLS as readonly ToolId[]).includes(tool);
}

/** World units one Alt+Shift+arrow adds or takes off, as much as a Shift+arrow nudge moves. */
export const RESIZE_STEP = 10;

const RESIZE_KEYS: Readonly<Record<string, keyof typeof DIRECTION_VECTORS>> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

/**
 * Alt+Shift+arrows: → and ↓ make the selection wider and taller, ← and ↑ narrower and shorter,
 * its top-left corner staying put (plain and Shift+arrows move it, Alt+arrows move the focus).
 */
export function resizeDelta(input: KeyInput): Point | null {
  const direction = RESIZE_KEYS[input.key];
  if (direction === undefined || !input.alt || !input.shift || input.mod || input.inTextField) return null;
  const { x, y } = DIRECTION_VECTORS[direction];
  return { x: x * RESIZE_STEP, y: y * RESIZE_STEP };
}

/** A side shrinks to `MIN_RESIZE_SIZE` at least, and never grows by shrinking. */
function resized(size: number, change: number): number {
  return change < 0 ? Math.max(Math.min(size, MIN_RESIZE_SIZE), size + change) : size + change;
}

/** Scaling by floats turns 110 into 110.00000000000001: sizes are kept to a thousandth of a unit. */
function tidied(changes: ShapeChanges): ShapeChanges {
  const box = (['x', 'y', 'w', 'h'] as const).flatMap((field) => {
    const value = changes[field];
    return value === undefined ? [] : [[field, Math.round(value * 1000) / 1000] as const];
  });
  return { ...changes, ...Object.fromEntries(box) };
}

/** Patches resizing the box around the unlocked shapes by `delta`, everything in it scaled along. */
export function resizePatches(shapes: readonly Shape[], delta: Point): ShapePatch[] {
  const targets = shapes.filter((shape) => !shape.locked);
  const box = unionOfBoxes(targets.map(boxOf));
  if (box === null) return [];
  // A flat side (a horizontal line) cannot be scaled: it stays flat.
  const sx = box.w === 0 ? 1 : resized(box.w, delta.x) / box.w;
  const sy = box.h === 0 ? 1 : resized(box.h, delta.y) / box.h;
  if (sx === 1 && sy === 1) return [];
  return scaleShapes(targets, { origin: { x: box.x, y: box.y }, sx, sy }).map(({ id, changes }) => ({ id, changes: tidied(changes) }));
}

/** What an arrow may be drawn to from `fromId`: every other shape but arrows, in reading order. */
export function connectableTargets(shapes: readonly Shape[], fromId: string): Shape[] {
  return inReadingOrder(shapes.filter((shape) => shape.id !== fromId && shape.type !== 'connector'));
}

/** An end glued to the middle of the side of `shape` that faces `other`. */
function facingEnd(shape: Shape, other: Shape): Endpoint & { kind: 'shape' } {
  return { kind: 'shape', shapeId: shape.id, ...nearestAnchor(boxOf(shape), boxCenter(boxOf(other))) };
}

/** The arrow the arrow tool would draw from `from` to `to`: glued at both ends, pointing at `to`. */
export function connectorBetween(from: Shape, to: Shape, id: string, author: string): NewShape {
  const start = facingEnd(from, to);
  const end = facingEnd(to, from);
  const box = connectorBox(anchorPoint(boxOf(from), start), anchorPoint(boxOf(to), end));
  return { id, ...box, parent: null, locked: false, author, type: 'connector', start, end, stroke: 'noir', arrowStart: false, arrowEnd: true, text: '' };
}
