import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { ShapeSource } from '../engine/board-document.ts';
import type { Shape } from '../engine/shape-model.ts';

/** Same shapes in the same order: the board's shapes are values, replaced whenever they change. */
function sameShapes(a: readonly Shape[], b: readonly Shape[]): boolean {
  return a.length === b.length && a.every((shape, i) => shape === b[i]);
}

/**
 * Every shape of the board, kept live from `source.subscribe`. The array keeps its identity until
 * a shape changes, so components re-render, and memos recompute, only then.
 */
export function useBoardShapes(source: ShapeSource): readonly Shape[] {
  const cache = useRef<readonly Shape[]>([]);
  const subscribe = useCallback((onChange: () => void) => source.subscribe(onChange), [source]);
  // Compared rather than cached by change events: a change may land before React subscribes.
  const snapshot = useCallback(() => {
    const shapes = [...source.all()];
    if (!sameShapes(cache.current, shapes)) cache.current = shapes;
    return cache.current;
  }, [source]);
  return useSyncExternalStore(subscribe, snapshot);
}
