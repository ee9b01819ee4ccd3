/**
 * What moving shapes by (dx, dy) does to the board, before it is written, so that a drop is one
 * transaction: one undo step, one update on the wire.
 *
 * - A frame carries everything inside it, at any depth.
 * - A connector is carried whole (free ends translated) when it is moved itself, or when each of
 *   its ends is glued to a moved shape or is a free point inside a moved frame: connectors belong
 *   to no frame, they follow what they join. A connector glued at one end only keeps its other end
 *   and gets its box derived again.
 *
 * Which frame a dropped shape then belongs to is the caller's decision (`containingFrame`), as a
 * `parent` patch in the same transaction.
 */
import { withConnectorBox } from './bindings.ts';
import { descendants } from './frames.ts';
import { boxContains } from './geometry.ts';
import type { Endpoint, Shape } from './schema.ts';

function shifted(endpoint: Endpoint, dx: number, dy: number): Endpoint {
  return endpoint.kind === 'point' ? { kind: 'point', x: endpoint.x + dx, y: endpoint.y + dy } : endpoint;
}

/** The next version of every shape the move changes. */
export function planMove(shapes: readonly Shape[], ids: Iterable<string>, dx: number, dy: number): Shape[] {
  if (dx === 0 && dy === 0) return [];
  const current = new Map(shapes.map((shape) => [shape.id, shape]));
  const given = [...ids].filter((id) => current.has(id));
  const moved = new Set(given);
  for (const id of given) {
    if (current.get(id)?.type === 'frame') for (const inside of descendants(id, shapes)) moved.add(inside.id);
  }

  const next = new Map<string, Shape>();
  for (const id of moved) {
    const shape = current.get(id) as Shape;
    if (shape.type !== 'connector') next.set(id, { ...shape, x: shape.x + dx, y: shape.y + dy });
  }

  const movedFrames = shapes.filter((shape) => shape.type === 'frame' && moved.has(shape.id));
  const glued = (end: Endpoint) => end.kind === 'shape' && moved.has(end.shapeId);
  const follows = (end: Endpoint) => glued(end) || (end.kind === 'point' && movedFrames.some((frame) => boxContains(frame, end)));
  const lookup = new Map([...current, ...next]);
  for (const shape of shapes) {
    if (shape.type !== 'connector') continue;
    const carried = moved.has(shape.id) || (follows(shape.start) && follows(shape.end));
    if (!carried && !glued(shape.start) && !glued(shape.end)) continue;
    const connector = carried ? { ...shape, start: shifted(shape.start, dx, dy), end: shifted(shape.end, dx, dy) } : shape;
    next.set(shape.id, withConnectorBox(connector, lookup));
  }

  return [...next.values()];
}
