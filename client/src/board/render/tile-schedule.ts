/**
 * Which tiles a frame renders: those in view first, nearest the centre first, then the ring
 * around the view, each only while it should end within the frame's time budget. Whatever is
 * left waits for the next frame, while stand-ins show.
 */
import type { TileCoord } from './tile-grid.ts';

/**
 * Time a frame may spend rendering tiles, in ms, while the view moves: the blits and the overlay
 * must still fit in a 60 Hz frame.
 */
export const MOVING_BUDGET_MS = 7;
/** The same while the view stands still (opening, after an edit): nothing to keep smooth, so fill it in sooner. */
export const STILL_BUDGET_MS = 14;

export interface TileWork {
  /** Tiles in view, nearest the centre first. */
  readonly visible: readonly TileCoord[];
  /** The view and the ring of tiles around it, nearest first. */
  readonly ring: readonly TileCoord[];
  /** The camera changed since the last frame. */
  readonly moved: boolean;
  /** How long a tile has recently taken, in ms. */
  readonly tileMs: number;
}

export interface TileWorkDone {
  /** Tiles in view rendered this frame. */
  readonly rendered: number;
  /** Every tile in view is up to date. */
  readonly complete: boolean;
  /** Tiles of the ring remain: another frame should follow. */
  readonly ringPending: boolean;
}

/**
 * Renders what fits. A frame always renders one tile in view when one is missing, and a still
 * view one tile of its ring, however slow tiles are: otherwise slow tiles would never be rendered.
 */
export function renderWithinBudget(work: TileWork, isFresh: (coord: TileCoord) => boolean, render: (coord: TileCoord) => void, elapsed: () => number): TileWorkDone {
  const budget = work.moved ? MOVING_BUDGET_MS : STILL_BUDGET_MS;
  let rendered = 0;
  let complete = true;
  for (const coord of work.visible) {
    if (isFresh(coord)) continue;
    if (rendered > 0 && elapsed() + work.tileMs > budget) {
      complete = false;
      continue;
    }
    render(coord);
    rendered++;
  }
  if (!complete) return { rendered, complete, ringPending: false };
  let ringRendered = 0;
  for (const coord of work.ring) {
    if (isFresh(coord)) continue;
    if ((work.moved || rendered + ringRendered > 0) && elapsed() + work.tileMs > budget / 2) return { rendered, complete, ringPending: true };
    render(coord);
    ringRendered++;
  }
  return { rendered, complete, ringPending: false };
}
