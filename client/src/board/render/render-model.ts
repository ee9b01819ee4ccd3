/**
 * What the renderer knows of the board besides the shapes themselves: the box each one's drawing
 * covers (strokes, arrowheads and labels included, unlike the engine's hit-test bounds), an index
 * of those boxes for finding what a tile shows, and a revision per shape. Kept up to date from
 * the document's change sets; each change reports the areas it dirtied, old place and new.
 */
import type { ShapeSource } from '../engine/board-document.ts';
import type { Box } from '../engine/geometry/math.ts';
import type { Shape } from '../engine/shape-model.ts';
import { SpatialIndex } from '../engine/spatial-index.ts';

export class RenderModel {
  private readonly boxes = new Map<string, Box>();
  private readonly revisions = new Map<string, number>();
  private readonly index = new SpatialIndex();
  private lastRevision = 0;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly source: ShapeSource,
    private readonly boundsOf: (shape: Shape) => Box,
    private readonly onDirty: (areas: readonly Box[]) => void,
  ) {
    for (const shape of source.all()) this.track(shape);
    this.unsubscribe = source.subscribe((changed, deleted) => this.onDirty(this.apply([...changed, ...deleted])));
  }

  get(id: string): Shape | undefined {
    return this.source.get(id);
  }

  all(): Iterable<Shape> {
    return this.source.all();
  }

  /** Increases each time the shape changes; shapes changed by one transaction share it. */
  revision(id: string): number | undefined {
    return this.revisions.get(id);
  }

  /** The painted box of the shape as the document has it. */
  bounds(id: string): Box | undefined {
    return this.boxes.get(id);
  }

  /** Shapes whose painted box touches `rect`, in no particular order. */
  query(rect: Box): Shape[] {
    return this.index.query(rect).flatMap((id) => this.source.get(id) ?? []);
  }

  /** Something these shapes are drawn from changed outside the document (an image arrived). */
  refresh(ids: readonly string[]): void {
    this.onDirty(this.apply(ids));
  }

  dispose(): void {
    this.unsubscribe();
  }

  private apply(ids: readonly string[]): Box[] {
    this.lastRevision++;
    const dirty: Box[] = [];
    for (const id of ids) {
      const old = this.boxes.get(id);
      if (old !== undefined) dirty.push(old);
      const shape = this.source.get(id);
      if (shape === undefined) this.forget(id);
      else dirty.push(this.track(shape));
    }
    return dirty;
  }

  private track(shape: Shape): Box {
    const box = this.boundsOf(shape);
    this.boxes.set(shape.id, box);
    this.revisions.set(shape.id, this.lastRevision);
    this.index.set(shape.id, box);
    return box;
  }

  private forget(id: string): void {
    this.boxes.delete(id);
    this.revisions.delete(id);
    this.index.remove(id);
  }
}
