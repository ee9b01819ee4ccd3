import type { Shape } from './shape-model.ts';

/**
 * How the engine reads and writes the board document. The app wires these to the Yjs layout;
 * tests use `testing/memory-board.ts`. The engine never touches Yjs itself, so every rule about
 * storage (fractional z keys, connector rebinding, origins) stays in one place in the document layer.
 */

/** Omits keys from each member of a union (the built-in `Omit` merges the members). */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A shape about to be added: the document gives it its z key, on top of everything. */
export type NewShape = DistributiveOmit<Shape, 'z'>;

/** Fields a patch may change: anything of the shape's own type but its id and type. */
export type ShapeChanges = Partial<DistributiveOmit<Shape, 'id' | 'type'>>;

export interface ShapePatch {
  readonly id: string;
  readonly changes: ShapeChanges;
}

export type ReorderDirection = 'forward' | 'backward' | 'front' | 'back';

/** Called with the ids of shapes added or changed, and of shapes deleted, once per transaction. */
export type ShapeChangeListener = (changed: readonly string[], deleted: readonly string[]) => void;

export interface ShapeSource {
  get(id: string): Shape | undefined;
  all(): Iterable<Shape>;
  /** Returns the function that unsubscribes. */
  subscribe(listener: ShapeChangeListener): () => void;
}

/**
 * Writes, each one document transaction with the local origin (so that undo sees it as the
 * user's own). The document layer keeps connectors glued to the shapes they point at.
 */
export interface BoardCommands {
  /** Adds on top of the board, in array order (the last ends up topmost). */
  add(shapes: readonly NewShape[]): void;
  update(patches: readonly ShapePatch[]): void;
  /** Translates exactly these shapes (and the free ends of connectors among them). */
  move(ids: readonly string[], dx: number, dy: number): void;
  remove(ids: readonly string[]): void;
  reorder(ids: readonly string[], direction: ReorderDirection): void;
  /** Runs several commands as one transaction, hence one change for peers and one undo step. */
  transact(run: () => void): void;
}

/** Undo and redo of the local user's own changes only. */
export interface BoardHistory {
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
  /** Starts a new undo step even if the next change follows closely (a new gesture begins). */
  stopCapturing(): void;
  /** Called when undo or redo availability may have changed; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}
