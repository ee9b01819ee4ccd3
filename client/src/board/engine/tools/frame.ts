import { adoptedByNewFrame, withFrameContents } from '../frame-membership.ts';
import { boxOf } from '../geometry/shape-geometry.ts';
import { compareZ } from '../z-order.ts';
import { createBoxDrawingTool } from './box-drawing.ts';
import { commitNewShape, newShapeBase } from './new-shape.ts';
import type { Tool, ToolContext } from './tool.ts';

/** A 16:9 slide at 100 %, the common use of a frame (a presentation step). */
export const DEFAULT_FRAME_SIZE = { w: 960, h: 540 } as const;

/**
 * A new frame takes in the shapes it is drawn around. They come to the front, above the frame
 * (which is added on top), so they stay visible and clickable, and the frame stays above the frame
 * it is drawn in. One transaction: one undo step.
 */
export function createFrameTool(context: ToolContext): Tool {
  return createBoxDrawingTool(context, 'frame', {
    clickSize: DEFAULT_FRAME_SIZE,
    build: (id, box) => ({ ...newShapeBase(context, id, box), type: 'frame', title: '' }),
    commit: (frame) => {
      const adopted = adoptedByNewFrame(context.scene, boxOf(frame));
      const lifted = withFrameContents(context.scene, adopted.map((shape) => shape.id))
        .flatMap((id) => context.scene.get(id) ?? [])
        .sort(compareZ)
        .map((shape) => shape.id);
      commitNewShape(context, frame, {
        alongside: () => {
          if (adopted.length === 0) return;
          context.commands.update(adopted.map((shape) => ({ id: shape.id, changes: { parent: frame.id } })));
          context.commands.reorder(lifted, 'front');
        },
      });
    },
  });
}
