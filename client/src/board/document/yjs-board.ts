import type * as Y from 'yjs';
import type { RejectedShape, Shape } from '@eprouvette/shared';
import { addShapes, deleteShapes, keysBetween, moveShapes, observeShapes, readBoard, readShape, shapesMap, updateShapes } from '@eprouvette/shared';
import type { BoardCommands, NewShape, ReorderDirection, ShapeChangeListener, ShapePatch, ShapeSource } from '../engine/board-document.ts';
import { YjsHistory } from '../engine/history.ts';
import { compareZ } from '../engine/z-order.ts';

/**
 * The engine's view of one board's Yjs document: a validated cache of its shapes kept up to date
 * from the document's changes (each change re-reads only the shapes it touched), the commands the
 * tools issue — each one transaction with this client's `origin`, which is what undo tracks — and
 * the history of this client's own changes.
 */
export interface YjsBoard {
  /** The origin of this client's transactions: what undo tracks; other writers (templates, votes, import) use it too. */
  origin: object;
  source: ShapeSource;
  commands: BoardCommands;
  history: YjsHistory;
  /** Shapes of the document that failed validation, with the reason (shown to the user, not drawn). */
  rejected(): readonly RejectedShape[];
  destroy(): void;
}

export function createYjsBoard(doc: Y.Doc, origin: object, onRejected?: (rejected: readonly RejectedShape[]) => void): YjsBoard {
  const shapes = new Map<string, Shape>();
  const rejected = new Map<string, string>();
  const listeners = new Set<ShapeChangeListener>();
  let ordered: Shape[] | null = null;

  const initial = readBoard(doc);
  for (const shape of initial.shapes) shapes.set(shape.id, shape);
  for (const { id, reason } of initial.rejected) rejected.set(id, reason);

  const map = shapesMap(doc);
  const stopObserving = observeShapes(doc, (changedIds, deletedIds) => {
    ordered = null;
    const rejectedBefore = rejected.size;
    const changed: string[] = [];
    const deleted: string[] = [...deletedIds];
    for (const id of deletedIds) {
      shapes.delete(id);
      rejected.delete(id);
    }
    for (const id of changedIds) {
      const reading = readShape(id, map.get(id));
      if (reading.ok) {
        shapes.set(id, reading.shape);
        rejected.delete(id);
        changed.push(id);
      } else {
        // A shape that stops being valid disappears from the board rather than being drawn half.
        if (shapes.delete(id)) deleted.push(id);
        rejected.set(id, reading.reason);
      }
    }
    if (rejected.size !== rejectedBefore || changedIds.size > 0) onRejected?.(rejectedList());
    for (const listener of listeners) listener(changed, deleted);
  });

  const rejectedList = () => [...rejected].map(([id, reason]) => ({ id, reason }));
  /** Bottom to top; rebuilt lazily after a change. */
  const inOrder = () => (ordered ??= [...shapes.values()].sort(compareZ));

  const source: ShapeSource = {
    get: (id) => shapes.get(id),
    all: () => shapes.values(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };

  const reorder = (ids: readonly string[], direction: ReorderDirection) => {
    const all = inOrder();
    const moving = new Set(ids);
    const selected = all.filter((shape) => moving.has(shape.id));
    if (selected.length === 0) return;
    const others = all.filter((shape) => !moving.has(shape.id));
    // Where the selection goes among the other shapes: everything keeps its key but the moved ones.
    let slot: number;
    if (direction === 'front') slot = others.length;
    else if (direction === 'back') slot = 0;
    else {
      const first = all.indexOf(selected[0]!);
      const last = all.indexOf(selected[selected.length - 1]!);
      const below = others.filter((shape) => all.indexOf(shape) < first).length;
      const aboveTop = others.filter((shape) => all.indexOf(shape) < last).length;
      slot = direction === 'forward' ? Math.min(others.length, aboveTop + 1) : Math.max(0, below - 1);
    }
    const keys = keysBetween(others[slot - 1]?.z ?? null, others[slot]?.z ?? null, selected.length);
    updateShapes(doc, selected.map((shape, index) => ({ id: shape.id, changes: { z: keys[index]! } })), origin, all);
  };

  const commands: BoardCommands = {
    add(newShapes: readonly NewShape[]) {
      if (newShapes.length === 0) return;
      const keys = keysBetween(inOrder().at(-1)?.z ?? null, null, newShapes.length);
      const added = newShapes.map((shape, index) => ({ ...shape, z: keys[index]! }) as Shape);
      addShapes(doc, added, origin);
      // Inside a `transact`, the observer refreshes the cache only when the transaction ends; the
      // commands that follow in it (a new frame lifting the shapes it adopts) must see these now.
      // addShapes validated them, and the observer will read the same values back.
      for (const shape of added) shapes.set(shape.id, shape);
      ordered = null;
    },
    update: (patches: readonly ShapePatch[]) => updateShapes(doc, patches, origin, inOrder()),
    move: (ids, dx, dy) => moveShapes(doc, ids, dx, dy, origin, inOrder()),
    remove: (ids) => deleteShapes(doc, ids, origin, inOrder()),
    reorder,
    transact: (run) => doc.transact(run, origin),
  };

  const history = new YjsHistory(map, origin);
  return {
    origin,
    source,
    commands,
    history,
    rejected: rejectedList,
    destroy() {
      stopObserving();
      history.destroy();
      listeners.clear();
    },
  };
}
