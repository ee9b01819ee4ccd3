/**
 * Frames and their content. A shape belongs to at most one frame (its `parent`), frames nest,
 * and moving or deleting a frame carries what it contains. Pure; remote data may hold parent
 * cycles, so every walk here stops at a shape it has already seen.
 */
import { boxArea, boxCentre, boxContains } from './geometry.ts';
import type { Frame, Shape } from './schema.ts';

type Parented = Pick<Shape, 'id' | 'parent'>;

/** Whether `frameId` is `ancestorId` or lies, through parents, inside it. */
function isWithin(frameId: string, ancestorId: string, framesById: ReadonlyMap<string, Parented>): boolean {
  const seen = new Set<string>();
  let current: string | null = frameId;
  while (current !== null && !seen.has(current)) {
    if (current === ancestorId) return true;
    seen.add(current);
    current = framesById.get(current)?.parent ?? null;
  }
  return false;
}

/**
 * The frame a shape dropped where it is belongs to: the smallest frame, larger than the shape,
 * whose box contains the shape's centre. A frame never goes into itself or into a frame it
 * contains. Equal areas are settled by id so that every peer picks the same frame.
 */
export function containingFrame(shape: Shape, frames: readonly Frame[]): Frame | null {
  const centre = boxCentre(shape);
  const framesById = new Map(frames.map((frame) => [frame.id, frame]));
  let best: Frame | null = null;
  for (const frame of frames) {
    if (!boxContains(frame, centre) || boxArea(frame) <= boxArea(shape)) continue;
    if (isWithin(frame.id, shape.id, framesById)) continue;
    const better = !best || boxArea(frame) < boxArea(best) || (boxArea(frame) === boxArea(best) && frame.id < best.id);
    if (better) best = frame;
  }
  return best;
}

/** Every shape inside `frameId`, at any depth, parents before their content. */
export function descendants<S extends Parented>(frameId: string, shapes: readonly S[]): S[] {
  const children = new Map<string, S[]>();
  for (const shape of shapes) {
    if (shape.parent === null) continue;
    const siblings = children.get(shape.parent);
    if (siblings) siblings.push(shape);
    else children.set(shape.parent, [shape]);
  }
  const found: S[] = [];
  const seen = new Set([frameId]);
  const queue = [frameId];
  for (let i = 0; i < queue.length; i++) {
    for (const child of children.get(queue[i] as string) ?? []) {
      if (seen.has(child.id)) continue;
      seen.add(child.id);
      found.push(child);
      queue.push(child.id);
    }
  }
  return found;
}
