import type { ShapePatch } from './board-document.ts';
import { boxCenter, boxContainsPoint, type Box } from './geometry/math.ts';
import { boxOf } from './geometry/shape-geometry.ts';
import type { Scene } from './scene.ts';
import type { Frame, Shape } from './shape-model.ts';

/**
 * Which frame a shape belongs to, by the document layer's rule (`containingFrame` in the shared
 * board package): the smallest frame larger than the shape whose box contains the shape's centre.
 * Frames nest; connectors belong to no frame, since they follow the shapes they join.
 */

const area = (box: Box) => box.w * box.h;

/** Whether `frameId` is `ancestorId` or lies, through parents, inside it (a frame never goes into its own content). */
function isWithin(scene: Scene, frameId: string, ancestorId: string): boolean {
  const seen = new Set<string>();
  for (let current: string | null = frameId; current !== null && !seen.has(current); current = scene.get(current)?.parent ?? null) {
    if (current === ancestorId) return true;
    seen.add(current);
  }
  return false;
}

/**
 * The frame a shape with box `box` belongs to, or null. `id` is the shape's own id (null for a
 * shape not created yet); `excluded` frames are skipped (frames being dragged along with it).
 * Equal areas are settled by id so that every peer picks the same frame.
 */
export function containingFrame(scene: Scene, box: Box, id: string | null, excluded: ReadonlySet<string> = new Set()): Frame | null {
  const centre = boxCenter(box);
  let best: Frame | null = null;
  for (const shape of scene.candidates({ ...centre, w: 0, h: 0 })) {
    if (shape.type !== 'frame' || excluded.has(shape.id) || !boxContainsPoint(boxOf(shape), centre) || area(shape) <= area(box)) continue;
    if (id !== null && isWithin(scene, shape.id, id)) continue;
    if (best === null || area(shape) < area(best) || (area(shape) === area(best) && shape.id < best.id)) best = shape;
  }
  return best;
}

/**
 * The shapes a new frame drawn over `box` takes in: unlocked ones (connectors aside) whose centre
 * falls inside it, that are smaller than it, and whose current frame, if any, is larger.
 */
export function adoptedByNewFrame(scene: Scene, box: Box): Shape[] {
  return scene.candidates(box).filter((shape) => {
    if (shape.type === 'connector' || shape.locked || !boxContainsPoint(box, boxCenter(boxOf(shape))) || area(shape) >= area(box)) return false;
    const parent = shape.parent === null ? undefined : scene.get(shape.parent);
    return parent === undefined || area(parent) > area(box);
  });
}

/**
 * Parent changes after moving `ids` by `dx, dy`: a shape dropped in a frame joins it, one dropped
 * outside every frame leaves its frame. Content moving with its frame stays in it.
 */
export function reparentAfterMove(scene: Scene, ids: readonly string[], dx: number, dy: number): ShapePatch[] {
  const moving = new Set(ids);
  const patches: ShapePatch[] = [];
  for (const id of ids) {
    const shape = scene.get(id);
    if (shape === undefined || shape.type === 'connector' || (shape.parent !== null && moving.has(shape.parent))) continue;
    const parent = containingFrame(scene, { ...boxOf(shape), x: shape.x + dx, y: shape.y + dy }, id, moving)?.id ?? null;
    if (parent !== shape.parent) patches.push({ id, changes: { parent } });
  }
  return patches;
}

/** `ids` and the content of the frames among them, each once: what moves, copies or goes with a frame. */
export function withFrameContents(scene: Scene, ids: Iterable<string>): string[] {
  const result = new Set<string>();
  for (const id of ids) {
    result.add(id);
    if (scene.get(id)?.type === 'frame') for (const inside of scene.descendantsOf(id)) result.add(inside);
  }
  return [...result];
}

/**
 * What moving the selection moves: its unlocked shapes and everything inside its frames, locked
 * or not, as the document carries a frame's content when it moves it.
 */
export function movableIds(scene: Scene, selection: Iterable<string>): string[] {
  return withFrameContents(scene, [...selection].filter((id) => scene.get(id)?.locked === false));
}
