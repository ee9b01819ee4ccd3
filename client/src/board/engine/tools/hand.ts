import type { Point } from '../geometry/math.ts';
import type { Tool, ToolContext } from './tool.ts';

/** Drags the view. Also lent by the editor for space+drag and middle-button drags. */
export function createHandTool(context: ToolContext): Tool {
  let last: Point | null = null;
  return {
    id: 'hand',
    onPointerDown(event) {
      last = event.screen;
    },
    onPointerMove(event) {
      if (last === null) return;
      context.panBy(event.screen.x - last.x, event.screen.y - last.y);
      last = event.screen;
    },
    onPointerUp() {
      last = null;
    },
    onKeyDown: () => false,
    onCancel() {
      const panning = last !== null;
      last = null;
      return panning;
    },
  };
}
