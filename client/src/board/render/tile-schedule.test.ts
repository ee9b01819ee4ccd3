import { describe, expect, it } from 'vitest';
import type { TileCoord } from './tile-grid.ts';
import { MOVING_BUDGET_MS, renderWithinBudget, STILL_BUDGET_MS } from './tile-schedule.ts';

const tile = (tx: number): TileCoord => ({ level: 0, tx, ty: 0 });
const view = [tile(0), tile(1), tile(2)];
const ring = [...view, tile(-1), tile(3)];

/** Tiles taking `ms` each on a fake clock; records what was rendered. */
function harness(ms: number, fresh: readonly number[] = []) {
  let now = 0;
  const rendered: number[] = [];
  return {
    rendered,
    isFresh: (coord: TileCoord) => fresh.includes(coord.tx) || rendered.includes(coord.tx),
    render: (coord: TileCoord) => {
      rendered.push(coord.tx);
      now += ms;
    },
    elapsed: () => now,
  };
}

describe('renderWithinBudget', () => {
  it('renders the view, then its ring, when there is time', () => {
    const h = harness(1);
    const done = renderWithinBudget({ visible: view, ring, moved: false, tileMs: 1 }, h.isFresh, h.render, h.elapsed);
    expect(h.rendered).toEqual([0, 1, 2, -1, 3]);
    expect(done).toEqual({ rendered: 3, complete: true, ringPending: false });
  });

  it('stops within the budget of a moving view, and says the view is not complete', () => {
    const h = harness(MOVING_BUDGET_MS / 2);
    const done = renderWithinBudget({ visible: view, ring, moved: true, tileMs: MOVING_BUDGET_MS / 2 }, h.isFresh, h.render, h.elapsed);
    expect(h.rendered).toEqual([0, 1]);
    expect(done.complete).toBe(false);
  });

  it('always renders one tile in view, however slow', () => {
    const h = harness(100);
    renderWithinBudget({ visible: view, ring, moved: true, tileMs: 100 }, h.isFresh, h.render, h.elapsed);
    expect(h.rendered).toEqual([0]);
  });

  it('gives a still view one ring tile per frame however slow tiles are, so the ring is never left waiting', () => {
    const h = harness(STILL_BUDGET_MS * 2, [0, 1, 2]);
    const done = renderWithinBudget({ visible: view, ring, moved: false, tileMs: STILL_BUDGET_MS * 2 }, h.isFresh, h.render, h.elapsed);
    expect(h.rendered).toEqual([-1]);
    expect(done).toEqual({ rendered: 0, complete: true, ringPending: true });
  });

  it('leaves the ring to a later frame while the view moves and time is short', () => {
    const h = harness(MOVING_BUDGET_MS, [0, 1, 2]);
    const done = renderWithinBudget({ visible: view, ring, moved: true, tileMs: MOVING_BUDGET_MS }, h.isFresh, h.render, h.elapsed);
    expect(h.rendered).toEqual([]);
    expect(done.ringPending).toBe(true);
  });
});
