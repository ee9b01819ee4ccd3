import type { NewShape } from '../board-document.ts';
import { containingFrame } from '../frame-membership.ts';
import type { Box, Point } from '../geometry/math.ts';
import type { ToolContext } from './tool.ts';

export interface NewShapeBase {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly parent: string | null;
  readonly locked: false;
  readonly author: string;
}

/** Fields every new shape starts with; drawn inside a frame, it belongs to that frame. */
export function newShapeBase(context: ToolContext, id: string, box: Box): NewShapeBase {
  const parent = containingFrame(context.scene, box, null)?.id ?? null;
  return { id, ...box, parent, locked: false, author: context.author };
}

/** The box drawn by dragging from `from` to `to`; a square with shift. */
export function dragBox(from: Point, to: Point, square: boolean): Box {
  let dx = to.x - from.x;
  let dy = to.y - from.y;
  if (square) {
    const side = Math.max(Math.abs(dx), Math.abs(dy));
    dx = Math.sign(dx || 1) * side;
    dy = Math.sign(dy || 1) * side;
  }
  return { x: Math.min(from.x, from.x + dx), y: Math.min(from.y, from.y + dy), w: Math.abs(dx), h: Math.abs(dy) };
}

export function boxAround(centre: Point, w: number, h: number): Box {
  return { x: centre.x - w / 2, y: centre.y - h / 2, w, h };
}

/**
 * Adds the shape in one transaction (with whatever `alongside` writes), selects it and hands over
 * to the select tool, as Miro and tldraw do once a shape is drawn.
 */
export function commitNewShape(context: ToolContext, shape: NewShape, options: { editText?: boolean; alongside?: () => void } = {}): void {
  context.commands.transact(() => {
    context.commands.add([shape]);
    options.alongside?.();
  });
  context.setSelection(new Set([shape.id]));
  context.setTool('select');
  if (options.editText === true) context.emit({ kind: 'edit-text', id: shape.id });
}
