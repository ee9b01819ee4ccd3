/**
 * Outlines around shapes, over the canvas, following the view and the shapes as they move; they
 * fade out by themselves (CSS). Decoration only: the notice beside says what they show.
 */
import { useSyncExternalStore } from 'react';
import { worldToScreen } from '../board/engine/camera.ts';
import { expandBox } from '../board/engine/geometry/math.ts';
import { boxOf } from '../board/engine/geometry/shape-geometry.ts';
import { useBoard } from '../board/ui/board-context.ts';
import { useEditorState } from '../board/ui/use-editor-state.ts';

/** Screen pixels between a shape and its outline. */
const GAP_PX = 6;

/** A counter bumped by every change of the board's shapes: the outlines follow what moves. */
function useShapesVersion(): number {
  const { board } = useBoard();
  return useSyncExternalStore(
    (notify) => {
      const stop = board.source.subscribe(() => {
        version += 1;
        notify();
      });
      return stop;
    },
    () => version,
  );
}
let version = 0;

export function ChangeHighlights({ ids }: { ids: readonly string[] }) {
  const { board, editor } = useBoard();
  const camera = useEditorState(editor, (state) => state.camera);
  useShapesVersion();
  return (
    <div className="change-highlights" aria-hidden="true">
      {ids.flatMap((id) => {
        const shape = board.source.get(id);
        if (shape === undefined) return [];
        const box = expandBox(boxOf(shape), GAP_PX / camera.zoom);
        const corner = worldToScreen(camera, box);
        return [
          <div
            key={id}
            className="change-highlight"
            data-testid="change-highlight"
            style={{ left: corner.x, top: corner.y, width: box.w * camera.zoom, height: box.h * camera.zoom }}
          />,
        ];
      })}
    </div>
  );
}
