import type { NewShape } from '../board-document.ts';
import type { Box } from '../geometry/math.ts';
import { MIN_RESIZE_SIZE } from '../transform.ts';
import { boxAround, dragBox } from './new-shape.ts';
import { isDrag, type Tool, type ToolContext, type ToolId, type ToolPointer } from './tool.ts';

export interface BoxDrawingOptions {
  /** Size of the shape a plain click places, centred on the click. */
  readonly clickSize: { readonly w: number; readonly h: number };
  /** The shape for a box; `id` stays the same for the whole gesture. */
  build(id: string, box: Box): NewShape;
  commit(shape: NewShape): void;
}

type State =
  | { readonly kind: 'idle' }
  | { readonly kind: 'pressing'; readonly down: ToolPointer; readonly id: string }
  | { readonly kind: 'drawing'; readonly down: ToolPointer; readonly id: string; readonly shape: NewShape };

/** Drag out a box (a square with shift), or click for the default size: rectangles, ellipses, diamonds, frames. */
export function createBoxDrawingTool(context: ToolContext, id: ToolId, options: BoxDrawingOptions): Tool {
  let state: State = { kind: 'idle' };

  const drawn = (down: ToolPointer, now: ToolPointer): Box => {
    const box = dragBox(down.world, now.world, now.modifiers.shift);
    // A sliver could not be grabbed again; it grows from where the drag started.
    const w = Math.max(box.w, MIN_RESIZE_SIZE);
    const h = Math.max(box.h, MIN_RESIZE_SIZE);
    return { x: box.x < down.world.x ? down.world.x - w : box.x, y: box.y < down.world.y ? down.world.y - h : box.y, w, h };
  };

  return {
    id,
    onPointerDown(event) {
      if (event.button !== 0) return;
      state = { kind: 'pressing', down: event, id: context.newId() };
    },
    onPointerMove(event) {
      if (state.kind === 'idle' || (state.kind === 'pressing' && !isDrag(state.down, event))) return;
      const shape = options.build(state.id, drawn(state.down, event));
      state = { kind: 'drawing', down: state.down, id: state.id, shape };
      context.setPreview({ kind: 'create', shape });
    },
    onPointerUp(event) {
      if (state.kind === 'idle') return;
      const shape =
        state.kind === 'drawing'
          ? options.build(state.id, drawn(state.down, event))
          : options.build(state.id, boxAround(state.down.world, options.clickSize.w, options.clickSize.h));
      if (state.kind === 'drawing') context.setPreview(null);
      state = { kind: 'idle' };
      options.commit(shape);
    },
    onKeyDown: () => false,
    onCancel() {
      if (state.kind === 'idle') return false;
      if (state.kind === 'drawing') context.setPreview(null);
      state = { kind: 'idle' };
      return true;
    },
  };
}
