import { describe, expect, it } from 'vitest';
import { makeShape } from '../engine/testing/shapes.ts';
import { centredTop, linesThatFit, shapeTextArea, stickyTextArea, STICKY_PADDING } from './text-style.ts';

describe('where text goes in a shape', () => {
  it('insets a sticky’s text by its padding', () => {
    expect(stickyTextArea({ x: 0, y: 0, w: 200, h: 200 })).toEqual({ x: STICKY_PADDING, y: STICKY_PADDING, w: 200 - 2 * STICKY_PADDING, h: 200 - 2 * STICKY_PADDING });
  });

  it('keeps a label inside the round and pointed outlines', () => {
    const rect = shapeTextArea(makeShape('rect', { id: 'r', x: 0, y: 0, w: 200, h: 100 }));
    const ellipse = shapeTextArea(makeShape('ellipse', { id: 'e', x: 0, y: 0, w: 200, h: 100 }));
    const diamond = shapeTextArea(makeShape('diamond', { id: 'd', x: 0, y: 0, w: 200, h: 100 }));
    expect(rect.w).toBeGreaterThan(ellipse.w);
    expect(ellipse.w).toBeGreaterThan(diamond.w);
    for (const area of [rect, ellipse, diamond]) expect(area.x + area.w / 2).toBeCloseTo(100);
  });

  it('never gives a negative area to a tiny shape', () => {
    expect(stickyTextArea({ x: 0, y: 0, w: 10, h: 10 }).w).toBe(0);
  });

  it('counts the lines that fit and centres them', () => {
    expect(linesThatFit(100, 20)).toBe(4);
    expect(centredTop({ x: 0, y: 0, w: 10, h: 100 }, 2, 20)).toBe(25);
  });
});
