/**
 * What deleting shapes does to the board, before it is written: a frame goes with its content,
 * and connectors glued to anything that goes keep their ends as free points where they were.
 * Pure; `layout.ts` applies both in one transaction, so no peer ever sees a dangling binding.
 */
import { unbindOnDelete } from './bindings.ts';
import { descendants } from './frames.ts';
import type { Shape } from './schema.ts';
import { planUpdate } from './update-plan.ts';

export function planDelete(shapes: readonly Shape[], ids: Iterable<string>): { deleted: Set<string>; changed: Shape[] } {
  const byId = new Map(shapes.map((shape) => [shape.id, shape]));
  const deleted = new Set<string>();
  for (const id of ids) {
    deleted.add(id);
    if (byId.get(id)?.type === 'frame') for (const inside of descendants(id, shapes)) deleted.add(inside.id);
  }
  const remaining = shapes.filter((shape) => !deleted.has(shape.id));
  return { deleted, changed: planUpdate(remaining, unbindOnDelete(deleted, shapes)) };
}
