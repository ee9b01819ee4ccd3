import type { ShapePatch } from '../board-document.ts';
import { movableIds, reparentAfterMove } from '../frame-membership.ts';
import { boxFromPoints, type Box } from '../geometry/math.ts';
import { shapesInMarquee, topShapeAt } from '../hit-test.ts';
import { clickSelect, handleAt, marqueeSelect, selectionBounds, type Handle, type Selection } from '../selection.ts';
import type { Shape } from '../shape-model.ts';
import { resizeShapes } from '../transform.ts';
import { HANDLE_RADIUS_PX, isDrag, worldTolerance, type Tool, type ToolContext, type ToolPointer } from './tool.ts';

/** Shapes whose text is edited in place on double-click or Enter (a frame's text is its title). */
export function isTextEditable(shape: Shape): boolean {
  return 'text' in shape || shape.type === 'frame';
}

/** What a click on a shape does to the selection when the press turns out not to be a drag. */
type OnClick = 'nothing' | 'select-only' | 'deselect';

type State =
  | { readonly kind: 'idle' }
  | { readonly kind: 'pointing-shape'; readonly down: ToolPointer; readonly id: string; readonly onClick: OnClick }
  | { readonly kind: 'pointing-canvas'; readonly down: ToolPointer }
  | { readonly kind: 'moving'; readonly down: ToolPointer; readonly ids: readonly string[]; readonly dx: number; readonly dy: number }
  | { readonly kind: 'marquee'; readonly down: ToolPointer; readonly base: Selection }
  | {
      readonly kind: 'resizing';
      readonly handle: Handle;
      readonly box: Box;
      readonly shapes: readonly Shape[];
      readonly patches: readonly ShapePatch[];
    };

/** The selected shapes a gesture may change: locked ones stay put. */
function unlockedSelection(context: ToolContext): Shape[] {
  return [...context.selection()].flatMap((id) => {
    const shape = context.scene.get(id);
    return shape === undefined || shape.locked ? [] : [shape];
  });
}

/**
 * Selects (click, shift-click, marquee), moves (drag; several shapes at once), resizes (handles)
 * and asks for in-place text editing (double-click). A drag shows a live offset and writes one
 * move on release, not one per pointer move.
 */
export function createSelectTool(context: ToolContext): Tool {
  let state: State = { kind: 'idle' };

  const startResize = (event: ToolPointer): boolean => {
    const shapes = unlockedSelection(context);
    const box = selectionBounds(shapes);
    const handle = box === null ? null : handleAt(box, event.world, worldTolerance(context, HANDLE_RADIUS_PX));
    if (box === null || handle === null) return false;
    state = { kind: 'resizing', handle, box, shapes, patches: [] };
    return true;
  };

  const pressShape = (event: ToolPointer, shape: Shape): void => {
    const selection = context.selection();
    const selected = selection.has(shape.id);
    if (event.modifiers.shift) {
      if (!selected) context.setSelection(clickSelect(selection, shape.id, true));
      state = { kind: 'pointing-shape', down: event, id: shape.id, onClick: selected ? 'deselect' : 'nothing' };
      return;
    }
    // Pressing a shape of a multiple selection keeps it, so the drag moves them all.
    if (!selected) context.setSelection(clickSelect(selection, shape.id, false));
    state = { kind: 'pointing-shape', down: event, id: shape.id, onClick: selected ? 'select-only' : 'nothing' };
  };

  const commitMove = (ids: readonly string[], dx: number, dy: number): void => {
    // Worked out before writing: the scene catches up with the document only after the transaction.
    const reparent = reparentAfterMove(context.scene, ids, dx, dy);
    context.commands.transact(() => {
      context.commands.move(ids, dx, dy);
      if (reparent.length > 0) context.commands.update(reparent);
    });
  };

  const onPointerMove = (event: ToolPointer): void => {
    switch (state.kind) {
      case 'pointing-shape':
        if (!isDrag(state.down, event)) return;
        state = { kind: 'moving', down: state.down, ids: movableIds(context.scene, context.selection()), dx: 0, dy: 0 };
        onPointerMove(event);
        return;
      case 'moving': {
        const dx = event.world.x - state.down.world.x;
        const dy = event.world.y - state.down.world.y;
        state = { ...state, dx, dy };
        context.setPreview({ kind: 'move', ids: state.ids, dx, dy });
        return;
      }
      case 'pointing-canvas':
        if (!isDrag(state.down, event)) return;
        state = { kind: 'marquee', down: state.down, base: context.selection() };
        onPointerMove(event);
        return;
      case 'marquee': {
        const rect = boxFromPoints(state.down.world, event.world);
        const inside = shapesInMarquee(context.scene, rect, event.modifiers.alt ? 'touch' : 'contain').map((shape) => shape.id);
        context.setSelection(marqueeSelect(state.base, inside, event.modifiers.shift));
        context.setPreview({ kind: 'marquee', rect });
        return;
      }
      case 'resizing': {
        const patches = resizeShapes(state.shapes, state.box, state.handle, event.world, event.modifiers.shift);
        state = { ...state, patches };
        context.setPreview({ kind: 'resize', patches });
        return;
      }
      case 'idle':
        return;
    }
  };

  return {
    id: 'select',
    onPointerDown(event) {
      if (event.button !== 0) return;
      if (startResize(event)) return;
      const shape = topShapeAt(context.scene, event.world, worldTolerance(context));
      if (shape !== null && event.clickCount >= 2 && isTextEditable(shape)) {
        context.setSelection(new Set([shape.id]));
        context.emit({ kind: 'edit-text', id: shape.id });
        state = { kind: 'idle' };
        return;
      }
      if (shape !== null) pressShape(event, shape);
      else state = { kind: 'pointing-canvas', down: event };
    },

    onPointerMove,

    onPointerUp(event) {
      // The release may land elsewhere than the last move.
      if (state.kind === 'moving' || state.kind === 'resizing' || state.kind === 'marquee') onPointerMove(event);
      const finished = state;
      state = { kind: 'idle' };
      switch (finished.kind) {
        case 'pointing-shape':
          if (finished.onClick === 'select-only') context.setSelection(new Set([finished.id]));
          if (finished.onClick === 'deselect') context.setSelection(clickSelect(context.selection(), finished.id, true));
          return;
        case 'pointing-canvas':
          if (!event.modifiers.shift) context.setSelection(clickSelect(context.selection(), null, false));
          return;
        case 'moving':
          context.setPreview(null);
          if (finished.ids.length > 0 && (finished.dx !== 0 || finished.dy !== 0)) commitMove(finished.ids, finished.dx, finished.dy);
          return;
        case 'marquee':
          context.setPreview(null);
          return;
        case 'resizing':
          context.setPreview(null);
          if (finished.patches.length > 0) context.commands.update(finished.patches);
          return;
        case 'idle':
          return;
      }
    },

    onKeyDown(input) {
      if (input.key !== 'Enter' || context.selection().size !== 1) return false;
      const [id] = context.selection();
      const shape = id === undefined ? undefined : context.scene.get(id);
      if (shape === undefined || shape.locked || !isTextEditable(shape)) return false;
      context.emit({ kind: 'edit-text', id: shape.id });
      return true;
    },

    onCancel() {
      const cancelled = state;
      state = { kind: 'idle' };
      if (cancelled.kind === 'marquee') context.setSelection(cancelled.base);
      if (cancelled.kind === 'moving' || cancelled.kind === 'marquee' || cancelled.kind === 'resizing') context.setPreview(null);
      return cancelled.kind !== 'idle';
    },
  };
}
