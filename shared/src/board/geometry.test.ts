import { describe, expect, it } from 'vitest';
import { bounds, boxArea, boxCentre, boxContains, sameBox } from './geometry.ts';

const box = { x: 10, y: 20, w: 100, h: 50 };

describe('box geometry', () => {
  it('measures centre and area', () => {
    expect(boxCentre(box)).toEqual({ x: 60, y: 45 });
    expect(boxArea(box)).toBe(5000);
  });

  it('contains points inside and on the edges only', () => {
    expect(boxContains(box, { x: 60, y: 45 })).toBe(true);
    expect(boxContains(box, { x: 10, y: 70 })).toBe(true);
    expect(boxContains(box, { x: 9.9, y: 45 })).toBe(false);
    expect(boxContains(box, { x: 60, y: 70.1 })).toBe(false);
  });

  it('compares boxes by value', () => {
    expect(sameBox(box, { ...box })).toBe(true);
    expect(sameBox(box, { ...box, h: 51 })).toBe(false);
  });

  it('bounds points and boxes together', () => {
    expect(bounds([box, { x: 0, y: 100 }])).toEqual({ x: 0, y: 20, w: 110, h: 80 });
    expect(bounds([{ x: 5, y: 5 }])).toEqual({ x: 5, y: 5, w: 0, h: 0 });
    expect(bounds([])).toBeNull();
  });
});
