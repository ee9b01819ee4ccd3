import { describe, expect, it } from 'vitest';
import { threadCreateSchema } from '../api/comments.ts';
import { boardAnchorAt, offsetFitsItem, pinPlace } from './board-pins.ts';

const STICKY = { id: 'stickystickyabcd', x: 100, y: 200, w: 180, h: 180 };

describe('board pins', () => {
  it('keep a pin on the canvas where it was put', () => {
    const anchor = boardAnchorAt({ x: -40, y: 25.5 }, null);
    expect(anchor).toEqual({ kind: 'board', shapeId: null, point: { x: -40, y: 25.5 } });
    expect(pinPlace(anchor, undefined)).toEqual({ point: { x: -40, y: 25.5 }, orphaned: false });
  });

  it('follow their item wherever it moves, at the same place on it', () => {
    const anchor = boardAnchorAt({ x: 130, y: 210 }, STICKY);
    expect(anchor).toEqual({ kind: 'board', shapeId: STICKY.id, point: { x: 30, y: 10 }, placed: { x: 130, y: 210 } });
    expect(pinPlace(anchor, STICKY)).toEqual({ point: { x: 130, y: 210 }, orphaned: false });
    const moved = { ...STICKY, x: 640, y: -75 };
    expect(pinPlace(anchor, moved)).toEqual({ point: { x: 670, y: -65 }, orphaned: false });
    // Resized from the bottom-right: the pin keeps its distance from the top-left corner.
    expect(pinPlace(anchor, { ...moved, w: 400, h: 90 }).point).toEqual({ x: 670, y: -65 });
  });

  it('stay where the item was last seen once it is deleted, marked', () => {
    const anchor = boardAnchorAt({ x: 130, y: 210 }, STICKY);
    expect(pinPlace(anchor, undefined)).toEqual({ point: { x: 130, y: 210 }, orphaned: true });
    expect(pinPlace(anchor, undefined, { x: 670, y: -65 })).toEqual({ point: { x: 670, y: -65 }, orphaned: true });
  });

  it('fit their item with a margin around it', () => {
    expect(offsetFitsItem({ x: 0, y: 0 }, STICKY)).toBe(true);
    expect(offsetFitsItem({ x: 180, y: 180 }, STICKY)).toBe(true);
    expect(offsetFitsItem({ x: -150, y: 300 }, STICKY)).toBe(true);
    expect(offsetFitsItem({ x: -250, y: 0 }, STICKY)).toBe(false);
    expect(offsetFitsItem({ x: 0, y: 400 }, STICKY)).toBe(false);
  });

  it('need where they were placed when they are on an item, and finite coordinates', () => {
    const first = (input: unknown) => threadCreateSchema.safeParse({ text: 'Vu', anchor: input }).error?.issues[0];
    expect(first(boardAnchorAt({ x: 130, y: 210 }, STICKY))).toBeUndefined();
    expect(first({ kind: 'board', shapeId: STICKY.id, point: { x: 30, y: 10 } })).toMatchObject({ path: ['anchor', 'placed'], message: 'Position de l’épingle sur le tableau manquante.' });
    expect(first({ kind: 'board', shapeId: null, point: { x: Number.POSITIVE_INFINITY, y: 0 } })).toBeDefined();
    expect(first({ kind: 'board', shapeId: null, point: { x: 1e9, y: 0 } })).toBeDefined();
    expect(first({ kind: 'board', shapeId: 'Pas-un-id', point: { x: 0, y: 0 }, placed: { x: 0, y: 0 } })).toBeDefined();
  });
});
