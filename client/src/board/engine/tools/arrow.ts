import type { NewShape } from '../board-document.ts';
import { connectorBox, endpointPosition, nearestAnchor } from '../geometry/connector.ts';
import type { Point } from '../geometry/math.ts';
import { boxOf } from '../geometry/shape-geometry.ts';
import { topShapeAt } from '../hit-test.ts';
import type { Endpoint } from '../shape-model.ts';
import { commitNewShape } from './new-shape.ts';
import { isDrag, worldTolerance, type Tool, type ToolContext, type ToolPointer } from './tool.ts';

type State =
  | { readonly kind: 'idle' }
  | { readonly kind: 'pressing'; readonly down: ToolPointer; readonly id: string; readonly start: Endpoint }
  | { readonly kind: 'drawing'; readonly down: ToolPointer; readonly id: string; readonly start: Endpoint; readonly shape: NewShape };

/**
 * Drag from a shape to a shape to join them: each end is glued to the target's anchor nearest
 * the pointer, so the arrow follows when they move. Over empty space (or back on the starting
 * shape) an end stays free. A click draws nothing.
 */
export function createArrowTool(context: ToolContext): Tool {
  let state: State = { kind: 'idle' };

  const endpointAt = (point: Point, exclude: string | null): Endpoint => {
    const target = topShapeAt(context.scene, point, worldTolerance(context), (shape) => shape.type !== 'connector' && shape.id !== exclude);
    return target === null ? { kind: 'point', ...point } : { kind: 'shape', shapeId: target.id, ...nearestAnchor(boxOf(target), point) };
  };

  const connector = (id: string, start: Endpoint, to: Point): NewShape => {
    const end = endpointAt(to, start.kind === 'shape' ? start.shapeId : null);
    const box = connectorBox(endpointPosition(start, context.scene.lookup, to), endpointPosition(end, context.scene.lookup, to));
    return { id, ...box, parent: null, locked: false, author: context.author, type: 'connector', start, end, stroke: 'noir', arrowStart: false, arrowEnd: true, text: '' };
  };

  return {
    id: 'arrow',
    onPointerDown(event) {
      if (event.button !== 0) return;
      state = { kind: 'pressing', down: event, id: context.newId(), start: endpointAt(event.world, null) };
    },
    onPointerMove(event) {
      if (state.kind === 'idle' || (state.kind === 'pressing' && !isDrag(state.down, event))) return;
      const shape = connector(state.id, state.start, event.world);
      state = { ...state, kind: 'drawing', shape };
      context.setPreview({ kind: 'create', shape });
    },
    onPointerUp(event) {
      const finished = state;
      state = { kind: 'idle' };
      if (finished.kind !== 'drawing') return;
      context.setPreview(null);
      commitNewShape(context, connector(finished.id, finished.start, event.world));
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
