import type { ShapeChangeListener, ShapeSource } from './board-document.ts';
import type { Box } from './geometry/math.ts';
import { shapeBounds } from './geometry/registry.ts';
import type { ShapeLookup } from './geometry/shape-geometry.ts';
import type { Shape } from './shape-model.ts';
import { SpatialIndex } from './spatial-index.ts';

/**
 * The engine's read model of the board: shapes from the source, their spatial index and the
 * children of each frame, kept up to date from the source's change sets (never rebuilt). Its
 * own listeners run after the index has caught up, so they can query it.
 */
export class Scene {
  readonly lookup: ShapeLookup = (id) => this.source.get(id);
  private readonly index = new SpatialIndex();
  private readonly parentOf = new Map<string, string>();
  private readonly children = new Map<string, Set<string>>();
  private readonly listeners = new Set<ShapeChangeListener>();
  private readonly unsubscribe: () => void;

  constructor(private readonly source: ShapeSource) {
    for (const shape of source.all()) this.track(shape);
    this.unsubscribe = source.subscribe((changed, deleted) => {
      for (const id of deleted) this.forget(id);
      for (const id of changed) {
        const shape = source.get(id);
        if (shape === undefined) this.forget(id);
        else this.track(shape);
      }
      for (const listener of this.listeners) listener(changed, deleted);
    });
  }

  get(id: string): Shape | undefined {
    return this.source.get(id);
  }

  all(): Iterable<Shape> {
    return this.source.all();
  }

  /** Shapes whose bounds touch `rect`, in no particular order. */
  candidates(rect: Box): Shape[] {
    return this.index.query(rect).flatMap((id) => this.source.get(id) ?? []);
  }

  /**
   * Everything inside a frame, at any depth, parents before their content. Remote data may hold
   * parent cycles, so the walk never visits a shape twice.
   */
  descendantsOf(frameId: string): string[] {
    const seen = new Set([frameId]);
    const found: string[] = [];
    for (let i = -1; i < found.length; i++) {
      const parent = i < 0 ? frameId : found[i];
      for (const child of (parent === undefined ? undefined : this.children.get(parent)) ?? []) {
        if (seen.has(child)) continue;
        seen.add(child);
        found.push(child);
      }
    }
    return found;
  }

  subscribe(listener: ShapeChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.unsubscribe();
    this.listeners.clear();
  }

  private track(shape: Shape): void {
    this.index.set(shape.id, shapeBounds(shape));
    const previous = this.parentOf.get(shape.id);
    if (previous === (shape.parent ?? undefined)) return;
    if (previous !== undefined) this.children.get(previous)?.delete(shape.id);
    if (shape.parent === null) {
      this.parentOf.delete(shape.id);
      return;
    }
    this.parentOf.set(shape.id, shape.parent);
    let siblings = this.children.get(shape.parent);
    if (siblings === undefined) {
      siblings = new Set();
      this.children.set(shape.parent, siblings);
    }
    siblings.add(shape.id);
  }

  private forget(id: string): void {
    this.index.remove(id);
    const parent = this.parentOf.get(id);
    if (parent !== undefined) this.children.get(parent)?.delete(id);
    this.parentOf.delete(id);
  }
}
