import { isTextEditable } from '../engine/tools/select.ts';
import type { Shape, ShapeType } from '../engine/shape-model.ts';
import { inReadingOrder } from './reading-order.ts';

/**
 * The board as nested lists for screen readers: top-level frames in reading order, each with its
 * content (nested frames within), then the shapes in no frame. Every shape appears exactly once,
 * even when remote data gives it a parent that is missing, not a frame, or part of a cycle.
 */

export interface OutlineItem {
  readonly kind: 'item';
  readonly id: string;
  readonly type: ShapeType;
  readonly description: string;
  /** Enter opens its text (or a frame's title) for editing. */
  readonly editable: boolean;
}

export interface OutlineFrame extends Omit<OutlineItem, 'kind'> {
  readonly kind: 'frame';
  readonly children: readonly OutlineNode[];
  /** Shapes inside, at any depth. */
  readonly count: number;
}

export type OutlineNode = OutlineItem | OutlineFrame;

export interface BoardOutline {
  readonly frames: readonly OutlineFrame[];
  /** « Hors cadre ». */
  readonly unframed: readonly OutlineItem[];
  readonly count: number;
}

export function buildOutline(shapes: readonly Shape[], describe: (shape: Shape) => string): BoardOutline {
  const byId = new Map(shapes.map((shape) => [shape.id, shape]));
  const parentOf = (shape: Shape): string | null => {
    const parent = shape.parent === null ? undefined : byId.get(shape.parent);
    return parent?.type === 'frame' && parent.id !== shape.id ? parent.id : null;
  };
  const children = new Map<string | null, Shape[]>();
  for (const shape of shapes) {
    const parent = parentOf(shape);
    const siblings = children.get(parent);
    if (siblings) siblings.push(shape);
    else children.set(parent, [shape]);
  }

  const listed = new Set<string>();
  const entry = (shape: Shape) => ({ id: shape.id, type: shape.type, description: describe(shape), editable: isTextEditable(shape) });
  const node = (shape: Shape): OutlineNode => {
    listed.add(shape.id);
    if (shape.type !== 'frame') return { kind: 'item', ...entry(shape) };
    // Checked one child at a time: a cycle leads back to a frame listed a moment ago.
    const inside = inReadingOrder(children.get(shape.id) ?? []).flatMap((child) => (listed.has(child.id) ? [] : [node(child)]));
    const count = inside.reduce((sum, child) => sum + 1 + (child.kind === 'frame' ? child.count : 0), 0);
    return { kind: 'frame', ...entry(shape), children: inside, count };
  };

  const top = inReadingOrder(children.get(null) ?? []).map(node);
  // Frames whose parents form a cycle are reached from no root: they start their own tree.
  for (const shape of inReadingOrder(shapes)) if (!listed.has(shape.id)) top.push(node(shape));
  return {
    frames: top.filter((n): n is OutlineFrame => n.kind === 'frame'),
    unframed: top.filter((n): n is OutlineItem => n.kind === 'item'),
    count: shapes.length,
  };
}
