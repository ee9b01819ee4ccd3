import type { ShapePatch } from './board-document.ts';
import { boxCenter, boxContainsPoint, type Box, type Point } from './geometry/math.ts';
import { boxOf } from './geometry/shape-geometry.ts';
import type { Scene } from './scene.ts';
import type { Frame, Shape } from './shape-model.ts';
import { compareZ } from './z-order.ts';

/**
 * Which frame a shape belongs to: the one its centre lies in. Frames do not nest, and connectors
 * belong to no frame, since they follow the shapes they join.
 */
export function canJoinFrame(shape: Shape): boolean {
  return shape.type !== 'frame' && shape.type !== 'connector';
}

/** The topmost frame whose box contains `point`, skipping `excluded` ones (frames being dragged). */
export function frameAt(scene: Scene, point: Point, excluded: ReadonlySet<string> = new Set()): Frame | null {
  const frames = scene
    .candidates({ ...point, w: 0, h: 0 })
    .filter((shape): shape is Frame => shape.type === 'frame' && !excluded.has(shape.id) && boxContainsPoint(boxOf(shape), point));
  return frames.sort(compareZ).at(-1) ?? null;
}

/** The shapes a frame drawn over `box` takes in: unlocked ones whose centre falls inside. */
export function shapesCenteredIn(scene: Scene, box: Box): Shape[] {
  return scene.candidates(box).filter((shape) => canJoinFrame(shape) && !shape.locked && boxContainsPoint(box, boxCenter(boxOf(shape))));
}

/**
 * Parent changes after moving `ids` by `dx, dy`: a shape dropped with its centre in a frame joins
 * it, one dropped outside every frame leaves its frame. Children moving with their frame stay.
 */
export function reparentAfterMove(scene: Scene, ids: readonly string[], dx: number, dy: number): ShapePatch[] {
  const moving = new Set(ids);
  const patches: ShapePatch[] = [];
  for (const id of ids) {
    const shape = scene.get(id);
    if (shape === undefined || !canJoinFrame(shape) || (shape.parent !== null && moving.has(shape.parent))) continue;
    const centre = boxCenter(boxOf(shape));
    const parent = frameAt(scene, { x: centre.x + dx, y: centre.y + dy }, moving)?.id ?? null;
    if (parent !== shape.parent) patches.push({ id, changes: { parent } });
  }
  return patches;
}

/** `ids` and the children of the frames among them, each once: what moves, copies or goes with a frame. */
export function withFrameChildren(scene: Scene, ids: Iterable<string>): string[] {
  const result = new Set<string>();
  for (const id of ids) {
    result.add(id);
    if (scene.get(id)?.type === 'frame') for (const child of scene.childrenOf(id)) result.add(child);
  }
  return [...result];
}

/** What moving the selection moves: its unlocked shapes and the unlocked children of its frames. */
export function movableIds(scene: Scene, selection: Iterable<string>): string[] {
  const unlocked = (id: string) => scene.get(id)?.locked === false;
  return withFrameChildren(scene, [...selection].filter(unlocked)).filter(unlocked);
}
