import { describe, expect, it } from 'vitest';
import { batches, type Mark } from './far-marks.ts';

const box = { x: 0, y: 0, w: 10, h: 10 };
const yellow: Mark = { kind: 'fill', color: '#fff1a1', box };
const grey: Mark = { kind: 'fill', color: '#eceff0', box };
const outline: Mark = { kind: 'outline', color: '#1c2426', width: 2, box };
const line: Mark = { kind: 'line', color: '#1c2426', width: 2, points: [] };

describe('batches', () => {
  it('puts consecutive marks of one paint together', () => {
    expect(batches([yellow, yellow, yellow]).map((run) => run.length)).toEqual([3]);
  });

  it('keeps the order of paints, so what lies on top stays on top', () => {
    expect(batches([yellow, grey, yellow]).map((run) => run.length)).toEqual([1, 1, 1]);
  });

  it('tells fills, outlines and lines of one colour apart, and lines of different widths', () => {
    expect(batches([outline, line, { ...line, width: 4 }])).toHaveLength(3);
  });

  it('has nothing to draw for no marks', () => {
    expect(batches([])).toEqual([]);
  });
});
