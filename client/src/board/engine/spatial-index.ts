import { boxesIntersect, type Box } from './geometry/math.ts';

interface Entry {
  box: Box;
  /** Cell range covered, or null for a shape too large to list in cells (kept in `oversized`). */
  cells: { x0: number; y0: number; x1: number; y1: number } | null;
}

/** Cells per axis are offset by this so that keys stay non-negative integers below 2^52. */
const KEY_OFFSET = 2 ** 25;
const KEY_STRIDE = 2 ** 26;

function cellKey(cx: number, cy: number): number {
  return (cx + KEY_OFFSET) * KEY_STRIDE + (cy + KEY_OFFSET);
}

/**
 * A uniform grid of shape bounds, keyed by shape id, for culling and hit-testing. Updates are
 * incremental (one shape's cells at a time, from the document's change sets): a 20,000-shape board
 * is never rebuilt per frame.
 *
 * Why a grid rather than an R-tree: whiteboard shapes are of similar sizes and move constantly;
 * a grid updates in O(cells) with no rebalancing. The few huge shapes (a frame around everything)
 * would cover thousands of cells, so they are kept in a short list checked on every query.
 */
export class SpatialIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly cells = new Map<number, Set<string>>();
  private readonly oversized = new Set<string>();

  constructor(
    private readonly cellSize = 256,
    private readonly maxCellsPerShape = 64,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** Inserts the shape or moves it to its new bounds. */
  set(id: string, box: Box): void {
    const range = this.rangeOf(box);
    const cells = (range.x1 - range.x0 + 1) * (range.y1 - range.y0 + 1) > this.maxCellsPerShape ? null : range;
    const entry = this.entries.get(id);
    if (entry !== undefined) {
      entry.box = box;
      if (sameRange(entry.cells, cells)) return;
      this.unlink(id, entry);
      entry.cells = cells;
      this.link(id, entry);
      return;
    }
    const created: Entry = { box, cells };
    this.entries.set(id, created);
    this.link(id, created);
  }

  remove(id: string): void {
    const entry = this.entries.get(id);
    if (entry === undefined) return;
    this.unlink(id, entry);
    this.entries.delete(id);
  }

  /** Ids of the shapes whose bounds touch `rect`, in no particular order. */
  query(rect: Box): string[] {
    const range = this.rangeOf(rect);
    const cellCount = (range.x1 - range.x0 + 1) * (range.y1 - range.y0 + 1);
    // Zoomed far out, visiting every cell costs more than looking at every shape.
    if (cellCount > this.entries.size) return this.scan(rect);
    const found = new Set<string>();
    for (let cx = range.x0; cx <= range.x1; cx++) {
      for (let cy = range.y0; cy <= range.y1; cy++) {
        const ids = this.cells.get(cellKey(cx, cy));
        if (ids === undefined) continue;
        for (const id of ids) {
          if (!found.has(id) && boxesIntersect(this.boxOf(id), rect)) found.add(id);
        }
      }
    }
    for (const id of this.oversized) {
      if (boxesIntersect(this.boxOf(id), rect)) found.add(id);
    }
    return [...found];
  }

  private scan(rect: Box): string[] {
    const found: string[] = [];
    for (const [id, entry] of this.entries) if (boxesIntersect(entry.box, rect)) found.push(id);
    return found;
  }

  private boxOf(id: string): Box {
    const entry = this.entries.get(id);
    if (entry === undefined) throw new Error(`SpatialIndex: ${id} is in a cell but not indexed`);
    return entry.box;
  }

  private rangeOf(box: Box): { x0: number; y0: number; x1: number; y1: number } {
    return {
      x0: Math.floor(box.x / this.cellSize),
      y0: Math.floor(box.y / this.cellSize),
      x1: Math.floor((box.x + box.w) / this.cellSize),
      y1: Math.floor((box.y + box.h) / this.cellSize),
    };
  }

  private link(id: string, entry: Entry): void {
    if (entry.cells === null) {
      this.oversized.add(id);
      return;
    }
    const { x0, y0, x1, y1 } = entry.cells;
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const key = cellKey(cx, cy);
        let ids = this.cells.get(key);
        if (ids === undefined) {
          ids = new Set();
          this.cells.set(key, ids);
        }
        ids.add(id);
      }
    }
  }

  private unlink(id: string, entry: Entry): void {
    if (entry.cells === null) {
      this.oversized.delete(id);
      return;
    }
    const { x0, y0, x1, y1 } = entry.cells;
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const key = cellKey(cx, cy);
        const ids = this.cells.get(key);
        ids?.delete(id);
        // Empty cells are dropped so that a board panned across for hours does not accumulate them.
        if (ids?.size === 0) this.cells.delete(key);
      }
    }
  }
}

function sameRange(a: Entry['cells'], b: Entry['cells']): boolean {
  if (a === null || b === null) return a === b;
  return a.x0 === b.x0 && a.y0 === b.y0 && a.x1 === b.x1 && a.y1 === b.y1;
}
