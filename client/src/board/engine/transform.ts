import type { NewShape, ShapeChanges, ShapePatch } from './board-document.ts';
import { endpointPosition } from './geometry/connector.ts';
import { DIRECTION_VECTORS, unionOfBoxes, type Box, type Direction, type Point } from './geometry/math.ts';
import { boxOf, type ShapeLookup } from './geometry/shape-geometry.ts';
import type { Handle } from './selection.ts';
import type { Endpoint, Shape } from './shape-model.ts';
import { compareZ } from './z-order.ts';

/** Pure edits of shapes: each returns the patches or new shapes for `BoardCommands` to write. */

export function applyChanges(shape: Shape, changes: ShapeChanges): Shape {
  return { ...shape, ...changes } as Shape;
}

function translateEndpoint(endpoint: Endpoint, dx: number, dy: number): Endpoint {
  return endpoint.kind === 'point' ? { ...endpoint, x: endpoint.x + dx, y: endpoint.y + dy } : endpoint;
}

/** Translating moves the box, and the free ends of a connector (glued ends follow their shapes). */
export function translation(shape: Shape, dx: number, dy: number): ShapeChanges {
  const box = { x: shape.x + dx, y: shape.y + dy };
  if (shape.type !== 'connector') return box;
  return { ...box, start: translateEndpoint(shape.start, dx, dy), end: translateEndpoint(shape.end, dx, dy) };
}

export function translateShape(shape: Shape, dx: number, dy: number): Shape {
  return applyChanges(shape, translation(shape, dx, dy));
}

// ─── Resize ──────────────────────────────────────────────────────────────────────────────────────

/** Smallest width or height a resize leaves, in world units, so a shape can always be grabbed again. */
export const MIN_RESIZE_SIZE = 8;

/** An axis-aligned scaling about a fixed point; a negative factor flips. */
export interface Scaling {
  readonly origin: Point;
  readonly sx: number;
  readonly sy: number;
}

const signOf = (value: number) => (value < 0 ? -1 : 1);

/**
 * The scaling that takes `box` to where the dragged `handle` now is. The opposite side stays put
 * (the centre, on the axis a side handle does not drag). With `keepAspect` (shift) both axes
 * scale alike. Each side is kept at least `MIN_RESIZE_SIZE` long, flipped or not.
 */
export function resizeScaling(box: Box, handle: Handle, pointer: Point, keepAspect: boolean): Scaling {
  const dragsX = handle.includes('w') ? 'w' : handle.includes('e') ? 'e' : null;
  const dragsY = handle.includes('n') ? 'n' : handle.includes('s') ? 's' : null;
  const origin = {
    x: dragsX === 'w' ? box.x + box.w : dragsX === 'e' ? box.x : box.x + box.w / 2,
    y: dragsY === 'n' ? box.y + box.h : dragsY === 's' ? box.y : box.y + box.h / 2,
  };
  // A zero-size side cannot be scaled: a flat line stays flat.
  let sx = dragsX === null || box.w === 0 ? 1 : (dragsX === 'e' ? pointer.x - origin.x : origin.x - pointer.x) / box.w;
  let sy = dragsY === null || box.h === 0 ? 1 : (dragsY === 's' ? pointer.y - origin.y : origin.y - pointer.y) / box.h;
  if (keepAspect) {
    if (dragsX !== null && dragsY !== null) {
      const scale = Math.max(Math.abs(sx), Math.abs(sy));
      sx = signOf(sx) * scale;
      sy = signOf(sy) * scale;
    } else if (dragsX !== null) sy = Math.abs(sx);
    else sx = Math.abs(sy);
  }
  const atLeast = (scale: number, size: number) =>
    size > 0 && Math.abs(scale) * size < MIN_RESIZE_SIZE ? (signOf(scale) * MIN_RESIZE_SIZE) / size : scale;
  return { origin, sx: atLeast(sx, box.w), sy: atLeast(sy, box.h) };
}

/** Resizing patches for each shape: boxes normalised after a flip, freehand points and free ends scaled along. */
export function scaleShapes(shapes: readonly Shape[], scaling: Scaling): ShapePatch[] {
  const { origin, sx, sy } = scaling;
  const mapX = (x: number) => origin.x + (x - origin.x) * sx;
  const mapY = (y: number) => origin.y + (y - origin.y) * sy;
  const scaleEndpoint = (e: Endpoint): Endpoint => (e.kind === 'point' ? { ...e, x: mapX(e.x), y: mapY(e.y) } : e);
  return shapes.map((shape) => {
    const x1 = mapX(shape.x);
    const x2 = mapX(shape.x + shape.w);
    const y1 = mapY(shape.y);
    const y2 = mapY(shape.y + shape.h);
    const box = { x: Math.min(x1, x2), y: Math.min(y1, y2), w: Math.abs(x2 - x1), h: Math.abs(y2 - y1) };
    if (shape.type === 'draw') {
      const points = shape.points.map(([px, py, pressure]): [number, number, number] => [mapX(shape.x + px) - box.x, mapY(shape.y + py) - box.y, pressure]);
      return { id: shape.id, changes: { ...box, points } };
    }
    if (shape.type === 'connector') return { id: shape.id, changes: { ...box, start: scaleEndpoint(shape.start), end: scaleEndpoint(shape.end) } };
    return { id: shape.id, changes: box };
  });
}

/** Resizes the shapes from `handle` of their common box (`box`, as it was when the drag started). */
export function resizeShapes(shapes: readonly Shape[], box: Box, handle: Handle, pointer: Point, keepAspect: boolean): ShapePatch[] {
  return scaleShapes(shapes, resizeScaling(box, handle, pointer, keepAspect));
}

// ─── Nudge, align, distribute ────────────────────────────────────────────────────────────────────

/** Arrow keys move by one world unit, ten with shift. */
export function nudgeDelta(direction: Direction, large: boolean): Point {
  const step = large ? 10 : 1;
  const { x, y } = DIRECTION_VECTORS[direction];
  return { x: x * step, y: y * step };
}

export type Alignment = 'left' | 'centre' | 'right' | 'top' | 'middle' | 'bottom';
export type DistributeAxis = 'horizontal' | 'vertical';

/** Connectors are neither aligned nor distributed: they follow the shapes they join. */
const arranged = (shapes: readonly Shape[]) => shapes.filter((shape) => shape.type !== 'connector');

function moveTo(shape: Shape, x: number, y: number): ShapePatch | null {
  const dx = x - shape.x;
  const dy = y - shape.y;
  return dx === 0 && dy === 0 ? null : { id: shape.id, changes: translation(shape, dx, dy) };
}

/** Lines the shapes up on one side, or the centre line, of the box around them. */
export function alignPatches(shapes: readonly Shape[], alignment: Alignment): ShapePatch[] {
  const targets = arranged(shapes);
  const bounds = unionOfBoxes(targets.map(boxOf));
  if (bounds === null || targets.length < 2) return [];
  const place: Record<Alignment, (s: Shape) => Point> = {
    left: (s) => ({ x: bounds.x, y: s.y }),
    centre: (s) => ({ x: bounds.x + (bounds.w - s.w) / 2, y: s.y }),
    right: (s) => ({ x: bounds.x + bounds.w - s.w, y: s.y }),
    top: (s) => ({ x: s.x, y: bounds.y }),
    middle: (s) => ({ x: s.x, y: bounds.y + (bounds.h - s.h) / 2 }),
    bottom: (s) => ({ x: s.x, y: bounds.y + bounds.h - s.h }),
  };
  return targets.flatMap((shape) => {
    const { x, y } = place[alignment](shape);
    return moveTo(shape, x, y) ?? [];
  });
}

/** Equal gaps between neighbours; the first and last shapes along the axis stay where they are. */
export function distributePatches(shapes: readonly Shape[], axis: DistributeAxis): ShapePatch[] {
  const targets = arranged(shapes);
  if (targets.length < 3) return [];
  const horizontal = axis === 'horizontal';
  const start = (s: Shape) => (horizontal ? s.x : s.y);
  const length = (s: Shape) => (horizontal ? s.w : s.h);
  const sorted = [...targets].sort((a, b) => start(a) - start(b) || start(a) + length(a) - (start(b) + length(b)));
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return [];
  const span = start(last) + length(last) - start(first);
  const gap = (span - sorted.reduce((sum, s) => sum + length(s), 0)) / (sorted.length - 1);
  let cursor = start(first);
  return sorted.flatMap((shape) => {
    const position = cursor;
    cursor += length(shape) + gap;
    return moveTo(shape, horizontal ? position : shape.x, horizontal ? shape.y : position) ?? [];
  });
}

/**
 * A frame carries its content: adds the same translation for everything inside every frame the
 * patches move, unless a shape has its own patch already.
 */
export function carryFrameContents(patches: readonly ShapePatch[], lookup: ShapeLookup, contentsOf: (frameId: string) => readonly string[]): ShapePatch[] {
  const patched = new Set(patches.map((p) => p.id));
  const carried: ShapePatch[] = [];
  for (const { id, changes } of patches) {
    const frame = lookup(id);
    if (frame?.type !== 'frame') continue;
    const dx = (changes.x ?? frame.x) - frame.x;
    const dy = (changes.y ?? frame.y) - frame.y;
    if (dx === 0 && dy === 0) continue;
    for (const insideId of contentsOf(id)) {
      const inside = lookup(insideId);
      if (inside === undefined || patched.has(insideId)) continue;
      patched.add(insideId);
      carried.push({ id: insideId, changes: translation(inside, dx, dy) });
    }
  }
  return [...patches, ...carried];
}

// ─── Duplicate ───────────────────────────────────────────────────────────────────────────────────

export function withoutZ(shape: Shape): NewShape {
  const { z: _z, ...rest } = shape;
  return rest as NewShape;
}

/**
 * Copies of `shapes` moved by `offset`, with new ids, stacked in the originals' order. Links inside
 * the copied set follow the copies (a connector between two copied notes joins the two copies, a
 * copied frame holds the copied children); a connector end glued to a shape left behind becomes a
 * free end where it was, offset with the copy, rather than a second arrow onto the original. A
 * parent frame that does not exist (shapes pasted from another board) is dropped.
 */
export function duplicateShapes(shapes: readonly Shape[], offset: Point, newId: () => string, lookup: ShapeLookup): { shapes: NewShape[]; ids: Map<string, string> } {
  const sorted = [...shapes].sort(compareZ);
  const ids = new Map(sorted.map((shape) => [shape.id, newId()]));
  const remapEndpoint = (endpoint: Endpoint, fallback: Point): Endpoint => {
    if (endpoint.kind === 'point') return { ...endpoint, x: endpoint.x + offset.x, y: endpoint.y + offset.y };
    const copy = ids.get(endpoint.shapeId);
    if (copy !== undefined) return { ...endpoint, shapeId: copy };
    const at = endpointPosition(endpoint, lookup, fallback);
    return { kind: 'point', x: at.x + offset.x, y: at.y + offset.y };
  };
  const copies = sorted.map((shape): Shape => {
    const id = ids.get(shape.id) ?? shape.id;
    const parent = shape.parent === null ? null : (ids.get(shape.parent) ?? (lookup(shape.parent) === undefined ? null : shape.parent));
    const moved = { id, parent, x: shape.x + offset.x, y: shape.y + offset.y };
    if (shape.type !== 'connector') return { ...shape, ...moved };
    return {
      ...shape,
      ...moved,
      start: remapEndpoint(shape.start, { x: shape.x, y: shape.y }),
      end: remapEndpoint(shape.end, { x: shape.x + shape.w, y: shape.y + shape.h }),
    };
  });
  return { shapes: copies.map(withoutZ), ids };
}
