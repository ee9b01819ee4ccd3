import { describe, expect, it } from 'vitest';
import { pinchStep } from './pinch.ts';

describe('pinchStep', () => {
  it('zooms by how much the fingers spread, around the point between them', () => {
    const step = pinchStep(
      [
        { x: 100, y: 100 },
        { x: 200, y: 100 },
      ],
      [
        { x: 50, y: 100 },
        { x: 250, y: 100 },
      ],
    );
    expect(step).toEqual({ factor: 2, centre: { x: 150, y: 100 }, pan: { x: 0, y: 0 } });
  });

  it('pans when both fingers move together', () => {
    const step = pinchStep(
      [
        { x: 0, y: 0 },
        { x: 10, y: 0 },
      ],
      [
        { x: 5, y: 20 },
        { x: 15, y: 20 },
      ],
    );
    expect(step.factor).toBe(1);
    expect(step.pan).toEqual({ x: 5, y: 20 });
  });

  it('does not zoom from fingers at one point', () => {
    const at = { x: 3, y: 3 };
    expect(pinchStep([at, at], [at, { x: 9, y: 3 }]).factor).toBe(1);
  });
});
