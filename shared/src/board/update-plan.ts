/**
 * What an edit of shape properties does to the board, before it is written: the patched shapes,
 * and every connector whose box must follow (its own ends changed, or a shape it is glued to was
 * moved or resized). Pure; `layout.ts` writes the result in one transaction.
 */
import { connectorsTouching, withConnectorBox } from './bindings.ts';
import { sameBox } from './geometry.ts';
import type { Connector, Shape, ShapeOf, ShapeType } from './schema.ts';

/** Any properties of one shape type; the id and the type never change. */
export type ShapeChanges = { [T in ShapeType]: Partial<Omit<ShapeOf<T>, 'id' | 'type'>> }[ShapeType];

export interface ShapePatch {
  id: string;
  changes: ShapeChanges;
}

/**
 * The next version of every shape the patches change. Patches of shapes that are not there (deleted,
 * perhaps by someone else) are dropped; several patches of one shape apply in order. A connector's
 * box is always derived from its ends, whatever the patch said.
 */
export function planUpdate(shapes: readonly Shape[], patches: readonly ShapePatch[]): Shape[] {
  const current = new Map(shapes.map((shape) => [shape.id, shape]));
  const next = new Map<string, Shape>();
  for (const { id, changes } of patches) {
    const shape = next.get(id) ?? current.get(id);
    if (shape) next.set(id, { ...shape, ...changes, id: shape.id, type: shape.type } as Shape);
  }
  const lookup = new Map([...current, ...next]);
  const reshaped = new Set([...next.values()].filter((shape) => !sameBox(shape, current.get(shape.id) as Shape)).map((shape) => shape.id));
  const patchedConnectors = [...next.values()].filter((shape): shape is Connector => shape.type === 'connector');
  for (const connector of [...patchedConnectors, ...connectorsTouching(reshaped, [...lookup.values()])]) {
    const latest = (next.get(connector.id) ?? connector) as Connector;
    next.set(connector.id, withConnectorBox(latest, lookup));
  }
  return [...next.values()];
}
