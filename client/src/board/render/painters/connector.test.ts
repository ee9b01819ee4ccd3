import { describe, expect, it } from 'vitest';
import { arrowHead } from './connector.ts';

describe('arrowHead', () => {
  it('points at the tip, its base centred on the line behind it', () => {
    const head = arrowHead({ x: 100, y: 0 }, { x: 0, y: 0 }, 10);
    expect(head?.[0]).toEqual({ x: 100, y: 0 });
    expect(head?.[1].x).toBeCloseTo(90);
    expect(head?.[2].x).toBeCloseTo(90);
    expect((head?.[1].y ?? 0) + (head?.[2].y ?? 0)).toBeCloseTo(0);
    expect(Math.abs(head?.[1].y ?? 0)).toBeCloseTo(4.5);
  });

  it('has no direction on a zero-length line', () => {
    expect(arrowHead({ x: 5, y: 5 }, { x: 5, y: 5 })).toBeNull();
  });
});
