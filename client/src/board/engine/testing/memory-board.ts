import type {
  BoardCommands,
  BoardHistory,
  NewShape,
  ReorderDirection,
  ShapeChangeListener,
  ShapePatch,
  ShapeSource,
} from '../board-document.ts';
import { connectorBox, connectorEnds } from '../geometry/connector.ts';
import type { Point } from '../geometry/math.ts';
import type { Endpoint, Shape } from '../shape-model.ts';
import { applyChanges, translateShape } from '../transform.ts';
import { compareZ } from '../z-order.ts';

/** One call the engine made, recorded so tests can assert "exactly one move on drop". */
export type BoardCall =
  | { readonly command: 'add'; readonly shapes: readonly NewShape[] }
  | { readonly command: 'update'; readonly patches: readonly ShapePatch[] }
  | { readonly command: 'move'; readonly ids: readonly string[]; readonly dx: number; readonly dy: number }
  | { readonly command: 'remove'; readonly ids: readonly string[] }
  | { readonly command: 'reorder'; readonly ids: readonly string[]; readonly direction: ReorderDirection };

/** Shapes as they were before a transaction (undefined: the shape did not exist). */
type Snapshot = Map<string, Shape | undefined>;

/** Fixed-width counters sort like numbers and fit the z key alphabet. */
const zKey = (position: number) => `z${String(position).padStart(9, '0')}`;

/**
 * The board document in memory, for tests: the contract of the Yjs layout (one notification per
 * transaction, z keys on top for additions, a frame's content moved and deleted with it,
 * connectors kept glued and freed when their shape goes, undo of whole transactions) without Yjs.
 */
export class MemoryBoard implements ShapeSource, BoardCommands {
  readonly calls: BoardCall[] = [];
  readonly history: BoardHistory;
  private readonly shapes = new Map<string, Shape>();
  private readonly listeners = new Set<ShapeChangeListener>();
  private readonly historyListeners = new Set<() => void>();
  private readonly undoStack: Snapshot[] = [];
  private readonly redoStack: Snapshot[] = [];
  private nextZ = 0;
  private depth = 0;
  private pending: Snapshot = new Map();

  constructor(shapes: readonly Shape[] = []) {
    for (const shape of [...shapes].sort(compareZ)) this.shapes.set(shape.id, { ...shape, z: zKey(this.nextZ++) });
    this.history = {
      undo: () => this.replay(this.undoStack, this.redoStack),
      redo: () => this.replay(this.redoStack, this.undoStack),
      canUndo: () => this.undoStack.length > 0,
      canRedo: () => this.redoStack.length > 0,
      stopCapturing: () => {},
      subscribe: (listener) => {
        this.historyListeners.add(listener);
        return () => this.historyListeners.delete(listener);
      },
    };
  }

  get(id: string): Shape | undefined {
    return this.shapes.get(id);
  }

  all(): Shape[] {
    return [...this.shapes.values()].sort(compareZ);
  }

  subscribe(listener: ShapeChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls of one command name, for assertions. */
  callsOf<C extends BoardCall['command']>(command: C): Extract<BoardCall, { command: C }>[] {
    return this.calls.filter((call): call is Extract<BoardCall, { command: C }> => call.command === command);
  }

  add(shapes: readonly NewShape[]): void {
    this.calls.push({ command: 'add', shapes });
    this.transact(() => {
      for (const shape of shapes) this.write(shape.id, { ...shape, z: zKey(this.nextZ++) } as Shape);
    });
  }

  update(patches: readonly ShapePatch[]): void {
    this.calls.push({ command: 'update', patches });
    this.transact(() => {
      for (const { id, changes } of patches) {
        const shape = this.shapes.get(id);
        if (shape !== undefined) this.write(id, applyChanges(shape, changes));
      }
    });
  }

  move(ids: readonly string[], dx: number, dy: number): void {
    this.calls.push({ command: 'move', ids, dx, dy });
    this.transact(() => {
      for (const id of this.withContents(ids)) {
        const shape = this.shapes.get(id);
        if (shape !== undefined) this.write(id, translateShape(shape, dx, dy));
      }
    });
  }

  remove(ids: readonly string[]): void {
    this.calls.push({ command: 'remove', ids });
    const removed = new Set(this.withContents(ids));
    const lookup = (id: string) => this.shapes.get(id);
    this.transact(() => {
      // Ends glued to what goes stay where they are, as free points.
      const gone = (endpoint: Endpoint) => endpoint.kind === 'shape' && removed.has(endpoint.shapeId);
      for (const shape of this.shapes.values()) {
        if (shape.type !== 'connector' || removed.has(shape.id) || (!gone(shape.start) && !gone(shape.end))) continue;
        const [start, end] = connectorEnds(shape, lookup);
        const freed = (endpoint: Endpoint, at: Point): Endpoint => (gone(endpoint) ? { kind: 'point', ...at } : endpoint);
        this.write(shape.id, { ...shape, start: freed(shape.start, start), end: freed(shape.end, end) });
      }
      for (const id of removed) if (this.shapes.has(id)) this.write(id, undefined);
    });
  }

  reorder(ids: readonly string[], direction: ReorderDirection): void {
    this.calls.push({ command: 'reorder', ids, direction });
    const moving = new Set(ids);
    const order = this.all().map((shape) => shape.id);
    const reordered = reorderIds(order, moving, direction);
    this.transact(() => {
      reordered.forEach((id, position) => {
        const shape = this.shapes.get(id);
        if (shape !== undefined && shape.z !== zKey(position)) this.write(id, { ...shape, z: zKey(position) });
      });
    });
    this.nextZ = Math.max(this.nextZ, reordered.length);
  }

  transact(run: () => void): void {
    this.depth++;
    try {
      run();
    } finally {
      this.depth--;
    }
    if (this.depth > 0) return;
    this.rebindConnectors();
    const snapshot = this.pending;
    this.pending = new Map();
    if (snapshot.size === 0) return;
    this.undoStack.push(snapshot);
    this.redoStack.length = 0;
    this.notify(snapshot);
  }

  /** The ids and, for frames among them, everything inside at any depth: the document carries a frame's content. */
  private withContents(ids: readonly string[]): Set<string> {
    const result = new Set(ids);
    for (const id of result) {
      for (const shape of this.shapes.values()) if (shape.parent === id) result.add(shape.id);
    }
    return result;
  }

  private write(id: string, shape: Shape | undefined): void {
    if (!this.pending.has(id)) this.pending.set(id, this.shapes.get(id));
    if (shape === undefined) this.shapes.delete(id);
    else this.shapes.set(id, shape);
  }

  /** What the document layer does: a connector's box follows the shapes its ends are glued to. */
  private rebindConnectors(): void {
    const lookup = (id: string) => this.shapes.get(id);
    for (const shape of this.shapes.values()) {
      if (shape.type !== 'connector') continue;
      const box = connectorBox(...connectorEnds(shape, lookup));
      if (box.x !== shape.x || box.y !== shape.y || box.w !== shape.w || box.h !== shape.h) this.write(shape.id, { ...shape, ...box });
    }
  }

  private replay(from: Snapshot[], to: Snapshot[]): void {
    const step = from.pop();
    if (step === undefined) return;
    const inverse: Snapshot = new Map();
    for (const [id, shape] of step) {
      inverse.set(id, this.shapes.get(id));
      if (shape === undefined) this.shapes.delete(id);
      else this.shapes.set(id, shape);
    }
    to.push(inverse);
    this.notify(step);
  }

  private notify(touched: Snapshot): void {
    const changed = [...touched.keys()].filter((id) => this.shapes.has(id));
    const deleted = [...touched.keys()].filter((id) => !this.shapes.has(id));
    for (const listener of this.listeners) listener(changed, deleted);
    for (const listener of this.historyListeners) listener();
  }
}

/** Bottom-to-top ids after moving `moving` one step or all the way up or down. */
export function reorderIds(order: readonly string[], moving: ReadonlySet<string>, direction: ReorderDirection): string[] {
  if (direction === 'front') return [...order.filter((id) => !moving.has(id)), ...order.filter((id) => moving.has(id))];
  if (direction === 'back') return [...order.filter((id) => moving.has(id)), ...order.filter((id) => !moving.has(id))];
  const result = [...order];
  const up = direction === 'forward';
  // Walk from the side the shapes move towards, so two adjacent moving shapes keep their order.
  const indices = result.map((_, i) => i);
  if (up) indices.reverse();
  for (const i of indices) {
    const id = result[i];
    const j = up ? i + 1 : i - 1;
    const neighbour = result[j];
    if (id === undefined || neighbour === undefined || !moving.has(id) || moving.has(neighbour)) continue;
    result[i] = neighbour;
    result[j] = id;
  }
  return result;
}
