import { describe, expect, it } from 'vitest';
import { expandBox, type Box } from '../engine/geometry/math.ts';
import { boxOf } from '../engine/geometry/shape-geometry.ts';
import { MemoryBoard } from '../engine/testing/memory-board.ts';
import { makeShape } from '../engine/testing/shapes.ts';
import { RenderModel } from './render-model.ts';

const padded = (shape: Box) => expandBox(boxOf(shape), 5);

function setup() {
  const board = new MemoryBoard([
    makeShape('sticky', { id: 'a', x: 0, y: 0, w: 100, h: 100 }),
    makeShape('rect', { id: 'b', x: 1000, y: 0, w: 50, h: 50 }),
  ]);
  const dirty: Box[][] = [];
  const model = new RenderModel(board, padded, (areas) => dirty.push([...areas]));
  return { board, model, dirty };
}

describe('RenderModel', () => {
  it('finds shapes by their painted box, which may reach past the shape', () => {
    const { model } = setup();
    expect(model.query({ x: 102, y: 50, w: 1, h: 1 }).map((shape) => shape.id)).toEqual(['a']);
    expect(model.query({ x: 500, y: 0, w: 10, h: 10 })).toEqual([]);
  });

  it('reports the old and the new place of a moved shape, and nothing else', () => {
    const { board, model, dirty } = setup();
    board.move(['a'], 300, 0);
    expect(dirty).toEqual([[{ x: -5, y: -5, w: 110, h: 110 }, { x: 295, y: -5, w: 110, h: 110 }]]);
    expect(model.bounds('a')).toEqual({ x: 295, y: -5, w: 110, h: 110 });
  });

  it('reports where a deleted shape was and forgets it', () => {
    const { board, model, dirty } = setup();
    board.remove(['b']);
    expect(dirty).toEqual([[{ x: 995, y: -5, w: 60, h: 60 }]]);
    expect(model.bounds('b')).toBeUndefined();
    expect(model.query({ x: 1000, y: 0, w: 10, h: 10 })).toEqual([]);
  });

  it('gives a new revision to the shapes a change touches only', () => {
    const { board, model } = setup();
    const a = model.revision('a');
    const b = model.revision('b');
    board.update([{ id: 'a', changes: { text: 'Capteurs' } }]);
    expect(model.revision('a')).toBeGreaterThan(a ?? Infinity);
    expect(model.revision('b')).toBe(b);
  });

  it('redraws shapes on request, where they are', () => {
    const { model, dirty } = setup();
    model.refresh(['b']);
    expect(dirty).toEqual([[{ x: 995, y: -5, w: 60, h: 60 }, { x: 995, y: -5, w: 60, h: 60 }]]);
  });
});
