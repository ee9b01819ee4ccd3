import { boxAround, commitNewShape, newShapeBase } from './new-shape.ts';
import type { Tool, ToolContext, ToolPointer } from './tool.ts';

export const DEFAULT_FONT_SIZE = 24;
/** Starting width of a text box; the renderer grows its height with the text. */
export const TEXT_BOX_WIDTH = 240;
const LINE_HEIGHT = 1.4;

/**
 * A click opens an empty text box for typing, its first line centred on the pointer. The app
 * removes it if it is left empty (`Editor.finishTextEdit`).
 */
export function createTextTool(context: ToolContext): Tool {
  let down: ToolPointer | null = null;
  return {
    id: 'text',
    onPointerDown(event) {
      if (event.button === 0) down = event;
    },
    onPointerMove() {},
    onPointerUp() {
      if (down === null) return;
      const h = DEFAULT_FONT_SIZE * LINE_HEIGHT;
      const box = { ...boxAround(down.world, TEXT_BOX_WIDTH, h), x: down.world.x };
      down = null;
      const text = { ...newShapeBase(context, context.newId(), box), type: 'text', color: 'noir', text: '', fontSize: DEFAULT_FONT_SIZE } as const;
      commitNewShape(context, text, { editText: true });
    },
    onKeyDown: () => false,
    onCancel() {
      const pressing = down !== null;
      down = null;
      return pressing;
    },
  };
}
