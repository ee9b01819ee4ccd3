import { shapesAt } from '../hit-test.ts';
import { worldTolerance, type Tool, type ToolContext, type ToolPointer } from './tool.ts';

/**
 * A click asks the UI for a comment composer there: on the topmost item under the pointer (locked
 * ones too: a comment changes nothing of them), or on the canvas. Nothing is written to the board,
 * so the tool works on a read-only board; then the selection tool is back.
 */
export function createCommentTool(context: ToolContext): Tool {
  let down: ToolPointer | null = null;
  return {
    id: 'comment',
    onPointerDown(event) {
      if (event.button === 0) down = event;
    },
    onPointerMove() {},
    onPointerUp() {
      if (down === null) return;
      const point = down.world;
      down = null;
      const shape = shapesAt(context.scene, point, worldTolerance(context))[0];
      context.setTool('select');
      context.emit({ kind: 'comment', shapeId: shape?.id ?? null, point });
    },
    onKeyDown: () => false,
    onCancel() {
      const pressing = down !== null;
      down = null;
      return pressing;
    },
  };
}
