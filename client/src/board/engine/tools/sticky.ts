import { STICKY_SIZE } from '../geometry/sticky.ts';
import { boxAround, commitNewShape, newShapeBase } from './new-shape.ts';
import type { Tool, ToolContext, ToolPointer } from './tool.ts';

/** A click places a note of the picked colour centred on the pointer and opens it for typing. */
export function createStickyTool(context: ToolContext): Tool {
  let down: ToolPointer | null = null;
  return {
    id: 'sticky',
    onPointerDown(event) {
      if (event.button === 0) down = event;
    },
    onPointerMove() {},
    onPointerUp() {
      if (down === null) return;
      const box = boxAround(down.world, STICKY_SIZE, STICKY_SIZE);
      down = null;
      commitNewShape(context, { ...newShapeBase(context, context.newId(), box), type: 'sticky', color: context.stickyColor(), text: '' }, { editText: true });
    },
    onKeyDown: () => false,
    onCancel() {
      const pressing = down !== null;
      down = null;
      return pressing;
    },
  };
}
