import { shapesCenteredIn } from '../frame-membership.ts';
import { boxOf } from '../geometry/shape-geometry.ts';
import { createBoxDrawingTool } from './box-drawing.ts';
import { commitNewShape, newShapeBase } from './new-shape.ts';
import type { Tool, ToolContext } from './tool.ts';

/** A 16:9 slide at 100 %, the common use of a frame (a presentation step). */
export const DEFAULT_FRAME_SIZE = { w: 960, h: 540 } as const;

/**
 * Frames take in the shapes whose centre falls inside them and go to the back of the board, so
 * that what they hold stays visible and clickable. One transaction: one undo step.
 */
export function createFrameTool(context: ToolContext): Tool {
  return createBoxDrawingTool(context, 'frame', {
    clickSize: DEFAULT_FRAME_SIZE,
    // Frames do not nest.
    build: (id, box) => ({ ...newShapeBase(context, id, box), parent: null, type: 'frame', title: '' }),
    commit: (frame) => {
      const children = shapesCenteredIn(context.scene, boxOf(frame)).map((shape) => ({ id: shape.id, changes: { parent: frame.id } }));
      commitNewShape(context, frame, {
        alongside: () => {
          if (children.length > 0) context.commands.update(children);
          context.commands.reorder([frame.id], 'back');
        },
      });
    },
  });
}
