import { boxContainsPoint, distance, expandBox, unionOfBoxes, type Box, type Point } from './geometry/math.ts';
import { boxOf } from './geometry/shape-geometry.ts';
import type { Shape } from './shape-model.ts';

/** Selected shape ids. A value: every change returns a new set, so the renderer can compare by identity. */
export type Selection = ReadonlySet<string>;

export const EMPTY_SELECTION: Selection = new Set();

/** A plain click selects just the shape (or nothing); shift-click toggles it in the selection. */
export function clickSelect(selection: Selection, id: string | null, shift: boolean): Selection {
  if (!shift) return id === null ? EMPTY_SELECTION : new Set([id]);
  if (id === null) return selection;
  const next = new Set(selection);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** A marquee replaces the selection, or adds to the selection it started from with shift. */
export function marqueeSelect(base: Selection, inside: readonly string[], shift: boolean): Selection {
  return new Set(shift ? [...base, ...inside] : inside);
}

export function withoutIds(selection: Selection, ids: readonly string[]): Selection {
  if (!ids.some((id) => selection.has(id))) return selection;
  const next = new Set(selection);
  for (const id of ids) next.delete(id);
  return next;
}

export function sameSelection(a: Selection, b: Selection): boolean {
  return a.size === b.size && [...a].every((id) => b.has(id));
}

/** The box around the selected shapes' boxes (what handles resize), or null for an empty selection. */
export function selectionBounds(shapes: readonly Shape[]): Box | null {
  return unionOfBoxes(shapes.map(boxOf));
}

export const HANDLES = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w'] as const;
export type Handle = (typeof HANDLES)[number];

/** Where each handle sits on the selection box: corners and the middle of each side. */
export function handlePositions(box: Box): Record<Handle, Point> {
  const { x, y, w, h } = box;
  return {
    nw: { x, y },
    n: { x: x + w / 2, y },
    ne: { x: x + w, y },
    e: { x: x + w, y: y + h / 2 },
    se: { x: x + w, y: y + h },
    s: { x: x + w / 2, y: y + h },
    sw: { x, y: y + h },
    w: { x, y: y + h / 2 },
  };
}

/**
 * The nearest handle within `radius` world units of `point`. On a small box handles overlap;
 * corners win ties, being the more useful grip (they resize both ways).
 */
export function handleAt(box: Box, point: Point, radius: number): Handle | null {
  const positions = handlePositions(box);
  const cornersFirst: readonly Handle[] = ['nw', 'ne', 'se', 'sw', 'n', 'e', 's', 'w'];
  let best: Handle | null = null;
  for (const handle of cornersFirst) {
    const position = positions[handle];
    if (!boxContainsPoint(expandBox({ ...position, w: 0, h: 0 }, radius), point)) continue;
    if (best === null || distance(position, point) < distance(positions[best], point)) best = handle;
  }
  return best;
}
