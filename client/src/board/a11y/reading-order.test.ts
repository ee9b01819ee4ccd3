import { describe, expect, it } from 'vitest';
import { inReadingOrder } from './reading-order.ts';

const box = (id: string, x: number, y: number, h = 100) => ({ id, x, y, w: 100, h });
const ids = (shapes: readonly { id: string }[]) => shapes.map((shape) => shape.id);

describe('inReadingOrder', () => {
  it('reads a row of hand-placed notes left to right, then the next row', () => {
    const shapes = [box('c', 240, -5), box('d', 0, 160), box('a', 0, 10), box('b', 120, 40)];
    expect(ids(inReadingOrder(shapes))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('starts a new row below half the height of the row’s first shape', () => {
    expect(ids(inReadingOrder([box('low', 0, 51), box('high', 300, 0)]))).toEqual(['high', 'low']);
    expect(ids(inReadingOrder([box('low', 0, 50), box('high', 300, 0)]))).toEqual(['low', 'high']);
  });

  it('keeps a minimum tolerance for flat shapes', () => {
    expect(ids(inReadingOrder([box('b', 0, 15, 0), box('a', 50, 0, 0)]))).toEqual(['b', 'a']);
    expect(ids(inReadingOrder([box('b', 0, 25, 0), box('a', 50, 0, 0)]))).toEqual(['a', 'b']);
  });

  it('settles shapes at the same place by id, so that every peer lists them alike', () => {
    expect(ids(inReadingOrder([box('y', 0, 0), box('x', 0, 0)]))).toEqual(['x', 'y']);
  });

  it('leaves its input as it was', () => {
    const shapes = [box('b', 100, 0), box('a', 0, 0)];
    inReadingOrder(shapes);
    expect(ids(shapes)).toEqual(['b', 'a']);
  });
});
