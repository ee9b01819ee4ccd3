import { createBoxDrawingTool } from './box-drawing.ts';
import { commitNewShape, newShapeBase } from './new-shape.ts';
import type { Tool, ToolContext } from './tool.ts';

export type GeometricType = 'rect' | 'ellipse' | 'diamond';

/** What a click without dragging places. */
export const DEFAULT_SHAPE_SIZE = { w: 160, h: 100 } as const;

/** Rectangles, ellipses and diamonds: outlined in black, unfilled, with an empty label. */
export function createShapeTool(context: ToolContext, type: GeometricType): Tool {
  return createBoxDrawingTool(context, type, {
    clickSize: DEFAULT_SHAPE_SIZE,
    build: (id, box) => ({ ...newShapeBase(context, id, box), type, fill: 'aucun', stroke: 'noir', text: '' }),
    commit: (shape) => commitNewShape(context, shape),
  });
}
