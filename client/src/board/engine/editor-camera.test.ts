import { describe, expect, it } from 'vitest';
import { screenToWorld } from './camera.ts';
import { Editor } from './editor.ts';
import { MemoryBoard } from './testing/memory-board.ts';

function editor() {
  const board = new MemoryBoard([]);
  return new Editor({ source: board, commands: board, history: board.history, author: 'moi', viewport: { width: 1000, height: 800 } });
}

describe('Editor camera controls', () => {
  it('pans by screen pixels', () => {
    const e = editor();
    const before = screenToWorld(e.getState().camera, { x: 0, y: 0 });
    e.panBy(100, -50);
    const after = screenToWorld(e.getState().camera, { x: 0, y: 0 });
    expect(after.x).toBeCloseTo(before.x - 100);
    expect(after.y).toBeCloseTo(before.y + 50);
  });

  it('zooms around the centre of the view, keeping what is there in place', () => {
    const e = editor();
    const centre = screenToWorld(e.getState().camera, { x: 500, y: 400 });
    e.setZoom(2.5);
    expect(e.getState().camera.zoom).toBe(2.5);
    const after = screenToWorld(e.getState().camera, { x: 500, y: 400 });
    expect(after.x).toBeCloseTo(centre.x);
    expect(after.y).toBeCloseTo(centre.y);
  });

  it('shows a given camera, within the zoom limits', () => {
    const e = editor();
    e.setCamera({ x: 10, y: 20, zoom: 1000 });
    expect(e.getState().camera).toEqual({ x: 10, y: 20, zoom: 8 });
  });
});
